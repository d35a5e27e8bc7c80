import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { NotFoundError } from '../shared/errors/app-error.js';
import type { UserDto } from './dto/user-response.dto.js';
import { toUserDto } from './dto/user.mapper.js';
import { UserProfileRepository } from './user-profile.repository.js';

/** What any signed-in user may ask about themself. */
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
}
