import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { IdentityProvider } from '../auth/identity/identity-provider.js';
import { generateTemporaryPassword } from '../auth/identity/password-hasher.js';
import { DbContext, type Tx } from '../infrastructure/database/db-context.js';
import { NotFoundError } from '../shared/errors/app-error.js';
import { AuditLogRepository, userProfileEntry } from './audit-log.repository.js';
import { chosenPassword } from './admin-input.js';
import type { ResetPasswordDto } from './dto/user-request.dto.js';
import type { PasswordResetDto } from './dto/user-response.dto.js';
import { maskPassword } from './dto/user.mapper.js';
import { UserProfileRepository } from './user-profile.repository.js';

/**
 * Admin password resets. The password is set in the identity provider and returned (masked,
 * and in clear only when generated) in this one response: it is never stored retrievably,
 * which is what replaced the original's password vault.
 */
@Injectable()
export class UserPasswordService {
  private readonly logger = new Logger(UserPasswordService.name);

  constructor(
    private readonly db: DbContext,
    private readonly identity: IdentityProvider,
    private readonly profiles: UserProfileRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async reset(admin: AuthUser, id: string, dto: ResetPasswordDto): Promise<PasswordResetDto> {
    const chosen = chosenPassword(dto.new_password);
    const password = chosen ?? generateTemporaryPassword();
    const deliveryMethod = dto.delivery_method ?? 'manual';
    // The identity provider (Supabase or the self-hosted accounts) is outside this transaction,
    // so the audit entry is written first: a reset never happens unaudited, and one that fails
    // is audited as failed.
    await this.db.asUser(admin, async (trx) => {
      if (!(await this.profiles.findById(trx, id))) {
        throw new NotFoundError('user_not_found', `User ${id} not found`);
      }
      await this.log(admin, id, 'password_reset', {
        password_generated: chosen === undefined,
        delivery_method: deliveryMethod,
        admin_note: dto.admin_note ?? null,
      })(trx);
    });
    try {
      await this.identity.setPassword(id, password);
    } catch (error) {
      await this.db
        .asUser(admin, this.log(admin, id, 'password_reset_failed', { reason: String(error).slice(0, 200) }))
        .catch((auditError: unknown) =>
          this.logger.error({
            msg: 'could not audit a failed password reset',
            userId: id,
            error: String(auditError),
          }),
        );
      throw error;
    }
    const result: PasswordResetDto = {
      success: true,
      message: chosen
        ? 'Password reset successfully.'
        : 'Password reset successfully. The temporary password is shown only in this response.',
      user_id: id,
      masked_password: maskPassword(password),
      expires_in_hours: null,
      delivery_instructions: `Deliver via ${deliveryMethod}. The password is not stored and cannot be shown again.`,
    };
    if (!chosen) result.temporary_password = password;
    return result;
  }

  private log(admin: AuthUser, recordId: string, action: string, changes: Record<string, unknown>) {
    return (trx: Tx) => this.audit.append(trx, userProfileEntry(admin, action, recordId, changes));
  }
}
