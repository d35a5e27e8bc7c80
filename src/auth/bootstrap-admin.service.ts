import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DbContext } from '../infrastructure/database/db-context.js';
import { AppConfig } from '../shared/config/app-config.js';
import { AppError } from '../shared/errors/app-error.js';
import { AuthProfileRepository } from './auth-profile.repository.js';
import { IdentityProvider } from './identity/identity-provider.js';

const DEFAULT_ADMIN_EMAIL = 'admin@localhost';
/** Where the generated first password is kept (mode 0600) until it is changed. */
export const INITIAL_PASSWORD_FILE = 'initial-admin-password';
/**
 * Letters and digits only, without look-alikes (0/O, 1/l/I): nothing a shell expands or quotes
 * ($, !, `, \, ", '), so the password can be pasted into a double-quoted curl body as is.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** Four groups of six (about 137 bits), joined by '-': e.g. `Xk7pQm-2hTzWc-...`. */
export function generateAdminPassword(): string {
  const group = () => Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/** The multi-line notice printed on stderr once, when the first admin is created. */
export function adminBanner(email: string, password: string, file: string): string {
  const lines = [
    'FIRST ADMIN ACCOUNT CREATED',
    '',
    `  e-mail:   ${email}`,
    `  password: ${password}`,
    '',
    `The password is also in ${file} (readable by this user only)`,
    'until it is changed; log in with POST /auth/login (Swagger UI: /docs).',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const rule = '='.repeat(width);
  return ['', rule, ...lines.map((l) => `  ${l}`), rule, ''].join('\n') + '\n';
}

/**
 * On start, when no active admin exists, creates one from ADMIN_EMAIL / ADMIN_PASSWORD, or with
 * a generated password shown once in a banner on stderr and kept in DATA_DIR/initial-admin-password
 * (0600). On every later start that file is removed as soon as its password no longer logs in
 * (the admin changed it). With Supabase it only acts when both are given (a generated password for
 * a hosted project would be a surprise).
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

  private get passwordFile(): string {
    return join(this.config.dataDir, INITIAL_PASSWORD_FILE);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsApi) return;
    if (await this.profiles.activeAdminExists(this.db.serviceReader('admin-bootstrap'))) {
      await this.forgetChangedPassword();
      return;
    }
    const { ADMIN_EMAIL, ADMIN_PASSWORD } = this.config.env;
    if (this.identity.kind === 'supabase' && !(ADMIN_EMAIL && ADMIN_PASSWORD)) {
      this.logger.warn('No active admin; set ADMIN_EMAIL and ADMIN_PASSWORD to create one on start');
      return;
    }
    const email = ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
    const password = ADMIN_PASSWORD ?? generateAdminPassword();
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
      return;
    }
    // Shown once, on purpose: there is no other way to learn it but the file.
    mkdirSync(this.config.dataDir, { recursive: true });
    writeFileSync(this.passwordFile, `${password}\n`, { mode: 0o600 });
    process.stderr.write(adminBanner(email, password, this.passwordFile));
    this.logger.warn(`Created the admin account ${email}; its password is in ${this.passwordFile}`);
  }

  /** Removes the kept first password once it no longer logs in (the admin has changed it). */
  private async forgetChangedPassword(): Promise<void> {
    if (!existsSync(this.passwordFile)) return;
    const password = readFileSync(this.passwordFile, 'utf8').trim();
    const email = this.config.env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
    try {
      await this.identity.signIn(email, password);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_credentials') {
        rmSync(this.passwordFile, { force: true });
        this.logger.log(`The first admin password was changed; removed ${this.passwordFile}`);
        return;
      }
      // never a reason not to start: the file stays until a start can check it
      this.logger.warn(`Could not check ${this.passwordFile}: ${String(error)}`);
    }
  }
}
