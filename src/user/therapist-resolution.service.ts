import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { NotFoundError } from '../shared/errors/app-error.js';
import {
  type BatchTherapistsDto,
  type ExtractedPatientCodeDto,
  type TherapistCacheClearedDto,
  type TherapistCacheStatsDto,
  type TherapistDto,
  toTherapistDto,
} from './dto/therapist.dto.js';
import { patientCodeInPath } from './patient-code-in-path.js';
import { TherapistResolutionCache } from './therapist-resolution.cache.js';
import { UserProfileRepository } from './user-profile.repository.js';

/**
 * Patient code -> therapist, as the caller's row-level security allows (the original's /therapists/resolve):
 * a therapist resolves their own patients only; admins and researchers resolve all.
 */
@Injectable()
export class TherapistResolutionService {
  constructor(
    private readonly db: DbContext,
    private readonly profiles: UserProfileRepository,
    private readonly cache: TherapistResolutionCache,
  ) {}

  async resolve(user: AuthUser, patientCode: string): Promise<TherapistDto> {
    const code = patientCode.toUpperCase();
    const therapist = (await this.resolveCodes(user, [code])).get(code);
    if (!therapist)
      throw new NotFoundError('therapist_not_found', `No therapist found for patient code: ${code}`);
    return therapist;
  }

  /** Codes are upper-cased; unknown and invisible ones are listed in `not_found`, once each. */
  async resolveBatch(user: AuthUser, patientCodes: readonly string[]): Promise<BatchTherapistsDto> {
    const codes = [...new Set(patientCodes.map((c) => c.toUpperCase()))];
    const resolved = await this.resolveCodes(user, codes);
    const therapists: Record<string, TherapistDto> = {};
    const notFound: string[] = [];
    for (const code of codes) {
      const therapist = resolved.get(code);
      if (therapist) therapists[code] = therapist;
      else notFound.push(code);
    }
    return { therapists, not_found: notFound };
  }

  therapistById(user: AuthUser, id: string): Promise<TherapistDto> {
    return this.db.asUser(user, async (trx) => {
      const row = await this.profiles.findTherapistById(trx, id);
      if (!row) throw new NotFoundError('therapist_not_found', `Therapist not found: ${id}`);
      return toTherapistDto(row);
    });
  }

  extractPatientCode(filePath: string): ExtractedPatientCodeDto {
    return { patient_code: patientCodeInPath(filePath), file_path: filePath };
  }

  cacheStats(): Promise<TherapistCacheStatsDto> {
    return this.cache.stats();
  }

  async clearCache(): Promise<TherapistCacheClearedDto> {
    const cleared = await this.cache.clear();
    return { message: 'Cache cleared successfully', cleared_entries: cleared };
  }

  /** Cached answers first; the rest in one query under the caller's RLS, then cached. */
  private async resolveCodes(user: AuthUser, codes: readonly string[]): Promise<Map<string, TherapistDto>> {
    const { generation, found, missing } = await this.cache.lookup(user.id, codes);
    if (missing.length === 0) return found;
    const rows = await this.db.asUser(user, (trx) => this.profiles.findTherapistsOfPatients(trx, missing));
    const fresh = new Map(rows.map((row) => [row.patient_code, toTherapistDto(row)]));
    await this.cache.store(generation, user.id, fresh);
    for (const [code, therapist] of fresh) found.set(code, therapist);
    return found;
  }
}
