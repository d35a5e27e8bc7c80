import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { NotFoundError } from '../shared/errors/app-error.js';
import { toTherapistDto, type TherapistDto } from './dto/therapist.dto.js';
import { toUserDto, type UserDto } from './dto/user.dto.js';
import { UserProfileRepository } from './user-profile.repository.js';

/** What any signed-in user may ask about users: themself, and therapists they can see. */
@Injectable()
export class UserService {
  constructor(
    private readonly db: DbContext,
    private readonly profiles: UserProfileRepository,
  ) {}

  me(user: AuthUser): Promise<UserDto> {
    return this.db.asUser(user, async (trx) => {
      const row = await this.profiles.findById(trx, user.id);
      if (!row) throw new NotFoundError('user_not_found', 'Profile not found');
      return toUserDto({ ...row, email: row.email ?? user.email });
    });
  }

  resolveTherapist(user: AuthUser, patientCode: string): Promise<TherapistDto> {
    return this.db.asUser(user, async (trx) => {
      const row = await this.profiles.findTherapistOfPatient(trx, patientCode);
      if (!row)
        throw new NotFoundError('therapist_not_found', `No therapist found for patient code: ${patientCode}`);
      return toTherapistDto(row);
    });
  }

  therapistById(user: AuthUser, id: string): Promise<TherapistDto> {
    return this.db.asUser(user, async (trx) => {
      const row = await this.profiles.findTherapistById(trx, id);
      if (!row) throw new NotFoundError('therapist_not_found', `Therapist not found: ${id}`);
      return toTherapistDto(row);
    });
  }
}
