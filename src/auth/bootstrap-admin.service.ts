import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DbContext } from '../infrastructure/database/db-context.js';
import { AppConfig } from '../shared/config/app-config.js';
import { AppError } from '../shared/errors/app-error.js';
import { AuthProfileRepository } from './auth-profile.repository.js';
import { IdentityProvider } from './identity/identity-provider.js';
import { generateTemporaryPassword } from './identity/password-hasher.js';

const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

/**
 * On start, when no active admin exists, creates one from ADMIN_EMAIL / ADMIN_PASSWORD, or with
 * a generated password printed once to the log. With Supabase it only acts when both are given
 * (a generated password for a hosted project would be a surprise).
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    private readonly config: AppConfig,
    private readonly db: DbContext,
    private readonly profiles: AuthProfileRepository,
    private readonly identity: IdentityProvider,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsApi) return;
    if (await this.profiles.activeAdminExists(this.db.serviceReader('admin-bootstrap'))) return;
    const { ADMIN_EMAIL, ADMIN_PASSWORD } = this.config.env;
    if (this.identity.kind === 'supabase' && !(ADMIN_EMAIL && ADMIN_PASSWORD)) {
      this.logger.warn('No active admin; set ADMIN_EMAIL and ADMIN_PASSWORD to create one on start');
      return;
    }
    const email = ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
    const password = ADMIN_PASSWORD ?? generateTemporaryPassword();
    try {
      const account = await this.identity.createUser({
        email,
        password,
        metadata: { role: 'admin', created_by: 'bootstrap' },
      });
      try {
        await this.db.asService('admin-bootstrap', (trx) => this.profiles.insertAdmin(trx, account.id));
      } catch (error) {
        await this.identity.deleteUser(account.id);
        throw error;
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'email_taken') {
        this.logger.error(
          `No active admin, and the account ${email} exists without an active admin profile; fix it by hand`,
        );
        return;
      }
      throw error;
    }
    if (ADMIN_PASSWORD) {
      this.logger.log(`Created the admin account ${email} (password from ADMIN_PASSWORD)`);
    } else {
      // Shown once, on purpose: there is no other way to learn it.
      this.logger.warn(`Created the admin account ${email} with the generated password: ${password}`);
    }
  }
}
