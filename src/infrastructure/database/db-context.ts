import { Injectable } from '@nestjs/common';
import { sql, type Kysely, type Transaction } from 'kysely';
import { Database } from './database.js';
import type { DB } from './database.types.js';

/** What the database needs to know about the caller: its id and its verified JWT claims. */
export interface DbCaller {
  id: string;
  claims: Record<string, unknown>;
}

export type Tx = Transaction<DB>;

/**
 * The two ways to reach the database. A user's request runs in one transaction under the
 * `authenticated` role with its claims set transaction-locally, so RLS policies see auth.uid().
 * Background jobs and bootstrap run in a named service context that bypasses RLS; the name is
 * there so that every such use is visible and greppable.
 */
@Injectable()
export class DbContext {
  constructor(private readonly database: Database) {}

  asUser<T>(caller: DbCaller, work: (trx: Tx) => Promise<T>): Promise<T> {
    return this.database.kysely.transaction().execute(async (trx) => {
      const claims = JSON.stringify({ ...caller.claims, sub: caller.id, role: 'authenticated' });
      // One round trip: set_config('role', ..., true) is SET LOCAL ROLE.
      await sql`select set_config('request.jwt.claims', ${claims}, true), set_config('role', 'authenticated', true)`.execute(
        trx,
      );
      return work(trx);
    });
  }

  /** @param reason why this work may bypass RLS, e.g. 'session-processing'. */
  asService<T>(reason: string, work: (trx: Tx) => Promise<T>): Promise<T> {
    void reason;
    return this.database.kysely.transaction().execute(work);
  }

  /**
   * One step of a user's transaction (asUser) in the service context: the role reverts to the
   * connection's own until the step ends, while the caller's claims stay set (auth.uid() in
   * triggers still names the user). For rows a user's action causes but that users may not write
   * themselves, such as a session's scores after its RPE changed; the caller's right to the
   * session must be established under RLS before.
   */
  async serviceStep<T>(trx: Tx, reason: string, work: (trx: Tx) => Promise<T>): Promise<T> {
    void reason;
    await sql`select set_config('role', 'none', true)`.execute(trx);
    const result = await work(trx);
    await sql`select set_config('role', 'authenticated', true)`.execute(trx);
    return result;
  }

  /** Read-only access outside a transaction for service work that needs no atomicity. */
  serviceReader(reason: string): Kysely<DB> {
    void reason;
    return this.database.kysely;
  }
}
