import { Injectable, Logger } from '@nestjs/common';
import type { Updateable } from 'kysely';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthProfileService } from '../auth/auth-profile.service.js';
import { IdentityProvider } from '../auth/identity/identity-provider.js';
import { generateTemporaryPassword } from '../auth/identity/password-hasher.js';
import { DbContext, type Tx } from '../infrastructure/database/db-context.js';
import type { UserProfilesTable } from '../infrastructure/database/database.types.js';
import { ConflictError, NotFoundError } from '../shared/errors/app-error.js';
import { type Page, toPage } from '../shared/pagination/page.dto.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { type AuditLogDto, toAuditEntryDto } from './dto/audit-log.dto.js';
import {
  type CreatedUserDto,
  type CreateUserDto,
  type ListUsersQueryDto,
  maskPassword,
  type PasswordResetDto,
  toUserDto,
  type UpdateUserDto,
  type UserDto,
} from './dto/user.dto.js';
import { UserProfileRepository } from './user-profile.repository.js';

/**
 * User administration. Accounts (e-mail, password) go through the identity provider; profiles
 * and the audit trail are written as the admin, under RLS, in one transaction each.
 */
@Injectable()
export class UserAdminService {
  private readonly logger = new Logger(UserAdminService.name);

  constructor(
    private readonly db: DbContext,
    private readonly identity: IdentityProvider,
    private readonly profiles: UserProfileRepository,
    private readonly audit: AuditLogRepository,
    private readonly authProfiles: AuthProfileService,
  ) {}

  async create(admin: AuthUser, dto: CreateUserDto): Promise<CreatedUserDto> {
    const temporary = dto.password ? undefined : generateTemporaryPassword();
    const account = await this.identity.createUser({
      email: dto.email,
      password: dto.password ?? temporary!,
      metadata: {
        first_name: dto.first_name,
        last_name: dto.last_name,
        role: dto.role,
        created_by: admin.id,
      },
    });
    try {
      const user = await this.db.asUser(admin, async (trx) => {
        await this.profiles.insert(trx, {
          id: account.id,
          role: dto.role,
          first_name: dto.first_name,
          last_name: dto.last_name,
          institution: dto.institution ?? null,
          department: dto.department ?? null,
          access_level: dto.access_level ?? 'basic',
        });
        await this.log(trx, admin, 'user_created', account.id, {
          email: account.email,
          role: dto.role,
          password_generated: temporary !== undefined,
        });
        return this.load(trx, account.id);
      });
      return temporary ? { user, temporary_password: temporary } : { user };
    } catch (error) {
      // No account without a profile: undo the identity if the profile could not be written.
      await this.identity.deleteUser(account.id);
      throw error;
    }
  }

  list(admin: AuthUser, query: ListUsersQueryDto): Promise<Page<UserDto>> {
    return this.db.asUser(admin, async (trx) => {
      const { rows, total } = await this.profiles.list(trx, { role: query.role }, query);
      return toPage(rows.map(toUserDto), total, query);
    });
  }

  async update(admin: AuthUser, id: string, dto: UpdateUserDto): Promise<UserDto> {
    if (id === admin.id && (dto.active === false || (dto.role !== undefined && dto.role !== 'admin'))) {
      throw new ConflictError('cannot_demote_self', 'Admins cannot deactivate or demote themselves');
    }
    const user = await this.db.asUser(admin, async (trx) => {
      const patch: Updateable<UserProfilesTable> = { ...dto };
      if (Object.keys(patch).length > 0) {
        if (!(await this.profiles.update(trx, id, patch))) throw this.notFound(id);
        await this.log(trx, admin, 'user_profile_updated', id, { updated_fields: dto });
      }
      return this.load(trx, id);
    });
    await this.authProfiles.forget(id);
    return user;
  }

  async resetPassword(
    admin: AuthUser,
    id: string,
    newPassword: string | undefined,
  ): Promise<PasswordResetDto> {
    const password = newPassword ?? generateTemporaryPassword();
    // The identity provider (Supabase or the self-hosted accounts) is outside this transaction,
    // so the audit entry is written first: a reset never happens unaudited, and one that fails
    // is audited as failed.
    await this.db.asUser(admin, async (trx) => {
      await this.load(trx, id);
      await this.log(trx, admin, 'password_reset', id, { password_generated: newPassword === undefined });
    });
    try {
      await this.identity.setPassword(id, password);
    } catch (error) {
      await this.db
        .asUser(admin, (trx) =>
          this.log(trx, admin, 'password_reset_failed', id, { reason: String(error).slice(0, 200) }),
        )
        .catch((auditError: unknown) =>
          this.logger.error({
            msg: 'could not audit a failed password reset',
            userId: id,
            error: String(auditError),
          }),
        );
      throw error;
    }
    const result: PasswordResetDto = { user_id: id, masked_password: maskPassword(password) };
    if (!newPassword) result.temporary_password = password;
    return result;
  }

  auditLog(admin: AuthUser, id: string, limit: number): Promise<AuditLogDto> {
    return this.db.asUser(admin, async (trx) => {
      const rows = await this.audit.listForRecord(trx, 'user_profiles', id, limit);
      return { count: rows.length, audit_logs: rows.map(toAuditEntryDto) };
    });
  }

  private async load(trx: Tx, id: string): Promise<UserDto> {
    const row = await this.profiles.findById(trx, id);
    if (!row) throw this.notFound(id);
    return toUserDto(row);
  }

  private log(trx: Tx, admin: AuthUser, action: string, recordId: string, changes: Record<string, unknown>) {
    return this.audit.append(trx, {
      userId: admin.id,
      userRole: admin.role,
      action,
      tableName: 'user_profiles',
      recordId,
      changes,
    });
  }

  private notFound(id: string): NotFoundError {
    return new NotFoundError('user_not_found', `User ${id} not found`);
  }
}
