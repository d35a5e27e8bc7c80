import { Injectable } from '@nestjs/common';
import type { Updateable } from 'kysely';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthProfileService } from '../auth/auth-profile.service.js';
import { IdentityProvider } from '../auth/identity/identity-provider.js';
import { generateTemporaryPassword } from '../auth/identity/password-hasher.js';
import { DbContext, type Tx } from '../infrastructure/database/db-context.js';
import type { UserProfilesTable } from '../infrastructure/database/database.types.js';
import { ConflictError, NotFoundError } from '../shared/errors/app-error.js';
import { type Page, pageRequest, toKeysetPage } from '../shared/pagination/page.dto.js';
import { AuditLogRepository, userProfileEntry } from './audit-log.repository.js';
import { type AuditLogDto, toAuditEntryDto } from './dto/audit-log.dto.js';
import type { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user-request.dto.js';
import type { CreatedUserDto, UpdatedUserDto, UserDto } from './dto/user-response.dto.js';
import { toUserDto } from './dto/user.mapper.js';
import { chosenPassword, optionalText } from './admin-input.js';
import { TherapistResolutionCache } from './therapist-resolution.cache.js';
import { UserProfileRepository } from './user-profile.repository.js';

/** Profile fields that change what therapist resolution answers. */
const RESOLUTION_FIELDS = ['first_name', 'last_name', 'role', 'active'] as const;

/**
 * User administration. Accounts (e-mail, password) go through the identity provider; profiles
 * and the audit trail are written as the admin, under RLS, in one transaction each.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly db: DbContext,
    private readonly identity: IdentityProvider,
    private readonly profiles: UserProfileRepository,
    private readonly audit: AuditLogRepository,
    private readonly authProfiles: AuthProfileService,
    private readonly therapistCache: TherapistResolutionCache,
  ) {}

  async create(admin: AuthUser, dto: CreateUserDto): Promise<CreatedUserDto> {
    const chosen = chosenPassword(dto.custom_password, dto.password);
    const temporary = chosen === undefined ? generateTemporaryPassword() : undefined;
    const profile = {
      first_name: optionalText(dto.first_name) ?? null,
      last_name: optionalText(dto.last_name) ?? null,
      institution: optionalText(dto.institution) ?? null,
      department: optionalText(dto.department) ?? null,
      access_level: dto.access_level ?? 'basic',
    };
    const account = await this.identity.createUser({
      email: dto.email,
      password: chosen ?? temporary!,
      metadata: { ...profile, role: dto.role, created_by: admin.id },
    });
    try {
      const user = await this.db.asUser(admin, async (trx) => {
        await this.profiles.insert(trx, { id: account.id, role: dto.role, ...profile });
        await this.log(trx, admin, 'user_created', account.id, {
          email: account.email,
          role: dto.role,
          access_level: profile.access_level,
          password_generated: temporary !== undefined,
          notify_user: dto.notify_user ?? false,
          delivery_method: dto.delivery_method ?? null,
          admin_note: dto.admin_note ?? null,
        });
        return this.load(trx, account.id);
      });
      const created: CreatedUserDto = {
        success: true,
        user_id: user.id,
        user_code: user.user_code,
        message: temporary
          ? 'User created successfully. The temporary password is shown only in this response: deliver it to the user now.'
          : 'User created successfully with the password you set. No e-mail is sent: deliver it to the user yourself.',
        user,
      };
      if (temporary) created.temporary_password = temporary;
      return created;
    } catch (error) {
      // No account without a profile: undo the identity if the profile could not be written.
      await this.identity.deleteUser(account.id);
      throw error;
    }
  }

  list(admin: AuthUser, query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const page = pageRequest(query);
    return this.db.asUser(admin, async (trx) =>
      toKeysetPage(await this.profiles.list(trx, { role: query.role }, page), toUserDto, query),
    );
  }

  async update(admin: AuthUser, id: string, dto: UpdateUserDto): Promise<UpdatedUserDto> {
    const patch = profilePatch(dto);
    if (id === admin.id && (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'))) {
      throw new ConflictError('cannot_demote_self', 'Admins cannot deactivate or demote themselves');
    }
    const user = await this.db.asUser(admin, async (trx) => {
      if (Object.keys(patch).length > 0) {
        if (!(await this.profiles.update(trx, id, patch))) throw this.notFound(id);
        await this.log(trx, admin, 'user_profile_updated', id, { updated_fields: patch });
      }
      return this.load(trx, id);
    });
    await this.authProfiles.forget(id);
    if (RESOLUTION_FIELDS.some((field) => patch[field] !== undefined))
      await this.therapistCache.invalidateAll();
    return { ...user, success: true, message: 'User updated successfully', user };
  }

  auditLog(admin: AuthUser, id: string, limit: number): Promise<AuditLogDto> {
    return this.db.asUser(admin, async (trx) => {
      const rows = await this.audit.listForRecord(trx, 'user_profiles', id, limit);
      return { success: true, count: rows.length, audit_logs: rows.map(toAuditEntryDto) };
    });
  }

  private async load(trx: Tx, id: string): Promise<UserDto> {
    const row = await this.profiles.findById(trx, id);
    if (!row) throw this.notFound(id);
    return toUserDto(row);
  }

  private log(trx: Tx, admin: AuthUser, action: string, recordId: string, changes: Record<string, unknown>) {
    return this.audit.append(trx, userProfileEntry(admin, action, recordId, changes));
  }

  private notFound(id: string): NotFoundError {
    return new NotFoundError('user_not_found', `User ${id} not found`);
  }
}

/** The given members of an update; "" clears a text field. */
function profilePatch(dto: UpdateUserDto): Updateable<UserProfilesTable> {
  const patch: Updateable<UserProfilesTable> = {};
  if (dto.role != null) patch.role = dto.role;
  if (dto.access_level != null) patch.access_level = dto.access_level;
  if (dto.active != null) patch.active = dto.active;
  for (const field of ['first_name', 'last_name', 'institution', 'department'] as const) {
    const value = optionalText(dto[field]);
    if (value !== undefined) patch[field] = value;
  }
  return patch;
}
