import { Injectable } from '@nestjs/common';
import { DbContext } from '../../infrastructure/database/db-context.js';
import { ConflictError, NotFoundError, UnauthorizedError } from '../../shared/errors/app-error.js';
import { TokenSigner } from '../token-signer.js';
import { AuthAccountRepository } from './auth-account.repository.js';
import { IdentityProvider, type NewIdentity, type SignInResult } from './identity-provider.js';
import { hashPassword, verifyPassword } from './password-hasher.js';

/**
 * Accounts in our own auth.users table (the embedded default): scrypt password hashes, tokens
 * signed by {@link TokenSigner}. auth.users is outside RLS's reach, so every use here is a named
 * service context.
 */
@Injectable()
export class SelfHostedIdentityProvider extends IdentityProvider {
  readonly kind = 'self-hosted' as const;

  constructor(
    private readonly db: DbContext,
    private readonly accounts: AuthAccountRepository,
    private readonly signer: TokenSigner,
  ) {
    super();
  }

  async createUser(identity: NewIdentity): Promise<{ id: string; email: string }> {
    const email = identity.email.trim().toLowerCase();
    const passwordHash = await hashPassword(identity.password);
    return this.db.asService('identity-admin', async (trx) => {
      if (await this.accounts.emailExists(trx, email)) {
        throw new ConflictError('email_taken', `An account with e-mail ${email} already exists`);
      }
      const row = await this.accounts.insert(trx, { email, passwordHash, metadata: identity.metadata });
      return { id: row.id, email };
    });
  }

  async deleteUser(id: string): Promise<void> {
    await this.db.asService('identity-admin', (trx) => this.accounts.delete(trx, id));
  }

  async setPassword(id: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const updated = await this.db.asService('identity-admin', (trx) =>
      this.accounts.setPasswordHash(trx, id, passwordHash),
    );
    if (!updated) throw new NotFoundError('user_not_found', `User ${id} not found`);
  }

  async signIn(email: string, password: string): Promise<SignInResult> {
    const normalised = email.trim().toLowerCase();
    const account = await this.accounts.findByEmail(this.db.serviceReader('login'), normalised);
    const ok = await verifyPassword(password, account?.encrypted_password ?? null);
    if (!account || !ok) throw new UnauthorizedError('invalid_credentials', 'Wrong e-mail or password');
    await this.db.asService('login', (trx) => this.accounts.touchLastSignIn(trx, account.id));
    const accessToken = await this.signer.sign({ id: account.id, email: normalised });
    return { accessToken, expiresIn: this.signer.expiresIn, userId: account.id, email: normalised };
  }
}
