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

  /** Read-only access outside a transaction for service work that needs no atomicity. */
  serviceReader(reason: string): Kysely<DB> {
    void reason;
    return this.database.kysely;
  }
}
