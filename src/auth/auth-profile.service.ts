import { Injectable } from '@nestjs/common';
import { DbContext } from '../infrastructure/database/db-context.js';
import { CACHE_TTL, CacheService } from '../infrastructure/cache/cache.service.js';
import { ForbiddenError, UnauthorizedError } from '../shared/errors/app-error.js';
import type { AuthUser } from './auth-user.js';
import { type AuthProfile, AuthProfileRepository } from './auth-profile.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns verified claims into the request's AuthUser. The role always comes from user_profiles
 * (cached briefly), never from the token; unknown users get 401, inactive ones 403. The lookup
 * runs in a named service context because it happens before the caller is known.
 */
@Injectable()
export class AuthProfileService {
  constructor(
    private readonly db: DbContext,
    private readonly repo: AuthProfileRepository,
    private readonly cache: CacheService,
  ) {}

  async resolve(claims: Record<string, unknown>): Promise<AuthUser> {
    const sub = claims.sub;
    if (typeof sub !== 'string' || !UUID.test(sub)) {
      throw new UnauthorizedError('token_invalid', 'Token subject is not a user id');
    }
    const profile = await this.load(sub);
    if (!profile) throw new UnauthorizedError('user_unknown', 'No user profile for this token');
    if (!profile.active) throw new ForbiddenError('user_inactive', 'This account is deactivated');
    const email = typeof claims.email === 'string' ? claims.email : profile.email;
    return { id: sub, email, role: profile.role, claims };
  }

  /** Call after changing a user's role or active flag. */
  async forget(userId: string): Promise<void> {
    await this.cache.del(CacheService.userProfileKey(userId));
  }

  private async load(userId: string): Promise<AuthProfile | undefined> {
    const key = CacheService.userProfileKey(userId);
    const cached = await this.cache.get<AuthProfile>(key);
    if (cached) return cached;
    const profile = await this.repo.find(this.db.serviceReader('auth-profile-lookup'), userId);
    if (profile) await this.cache.set(key, profile, CACHE_TTL.userProfile);
    return profile;
  }
}
