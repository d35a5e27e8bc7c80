import { Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Tx } from '../../infrastructure/database/db-context.js';
import type { DB } from '../../infrastructure/database/database.types.js';

/** Self-hosted accounts in auth.users. Only the identity provider and bootstrap use it. */
@Injectable()
export class AuthAccountRepository {
  async findByEmail(db: Kysely<DB>, email: string) {
    return db
      .selectFrom('auth.users')
      .select(['id', 'email', 'encrypted_password'])
      .where('email', '=', email)
      .executeTakeFirst();
  }

  async emailExists(trx: Tx, email: string): Promise<boolean> {
    const row = await trx.selectFrom('auth.users').select('id').where('email', '=', email).executeTakeFirst();
    return row !== undefined;
  }

  async insert(trx: Tx, account: { email: string; passwordHash: string; metadata: Record<string, unknown> }) {
    return trx
      .insertInto('auth.users')
      .values({
        email: account.email,
        encrypted_password: account.passwordHash,
        email_confirmed_at: new Date(),
        raw_user_meta_data: JSON.stringify(account.metadata),
      })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
  }

  async delete(trx: Tx, id: string): Promise<void> {
    await trx.deleteFrom('auth.users').where('id', '=', id).execute();
  }

  async setPasswordHash(trx: Tx, id: string, passwordHash: string): Promise<boolean> {
    const res = await trx
      .updateTable('auth.users')
      .set({ encrypted_password: passwordHash, updated_at: new Date() })
      .where('id', '=', id)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  async touchLastSignIn(trx: Tx, id: string): Promise<void> {
    await trx.updateTable('auth.users').set({ last_sign_in_at: new Date() }).where('id', '=', id).execute();
  }
}
