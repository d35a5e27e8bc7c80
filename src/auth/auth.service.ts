import { Injectable } from '@nestjs/common';
import { DbContext } from '../infrastructure/database/db-context.js';
import { AppError } from '../shared/errors/app-error.js';
import { AuthProfileRepository } from './auth-profile.repository.js';
import { AuthProfileService } from './auth-profile.service.js';
import type { LoginResponseDto } from './dto/login.dto.js';
import { IdentityProvider } from './identity/identity-provider.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

/** E-mail and password login against whichever identity provider is configured. */
@Injectable()
export class AuthService {
  constructor(
    private readonly identity: IdentityProvider,
    private readonly profiles: AuthProfileService,
    private readonly profileRepo: AuthProfileRepository,
    private readonly limiter: LoginRateLimiter,
    private readonly db: DbContext,
  ) {}

  async login(email: string, password: string, ip: string): Promise<LoginResponseDto> {
    this.limiter.assertAllowed(email, ip);
    let signedIn;
    try {
      signedIn = await this.identity.signIn(email, password);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_credentials')
        this.limiter.recordFailure(email, ip);
      throw error;
    }
    const user = await this.profiles.resolve({ sub: signedIn.userId, email: signedIn.email });
    await this.db.asService('login', (trx) => this.profileRepo.touchLastLogin(trx, user.id));
    this.limiter.recordSuccess(email, ip);
    return {
      access_token: signedIn.accessToken,
      token_type: 'bearer',
      expires_in: signedIn.expiresIn,
      user: { id: user.id, email: signedIn.email, role: user.role },
    };
  }
}
