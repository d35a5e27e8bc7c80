import { Injectable, Logger } from '@nestjs/common';
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
 * there so that every such use is visible and greppable, and it is logged (debug) and, in a
 * service transaction, set as its `application_name`, so that pg_stat_activity shows which
 * service work holds a connection.
 */
@Injectable()
export class DbContext {
  private readonly logger = new Logger(DbContext.name);

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
    this.logger.debug(`service transaction: ${reason}`);
    return this.database.kysely.transaction().execute(async (trx) => {
      await sql`select set_config('application_name', ${reason}, true)`.execute(trx);
      return work(trx);
    });
  }

  /**
   * One step of a user's transaction (asUser) in the service context: the role reverts to the
   * connection's own until the step ends, while the caller's claims stay set (auth.uid() in
   * triggers still names the user). For rows a user's action causes but that users may not write
   * themselves, such as a session's scores after its RPE changed; the caller's right to the
   * session must be established under RLS before.
   */
  async serviceStep<T>(trx: Tx, reason: string, work: (trx: Tx) => Promise<T>): Promise<T> {
    this.logger.debug(`service step: ${reason}`);
    // The subquery reads the transaction's application_name before the step replaces it;
    // `offset 0` keeps the planner from merging it into the select list.
    const { rows } = await sql<{ previous: string }>`
      select s.previous, set_config('role', 'none', true), set_config('application_name', ${reason}, true)
        from (select current_setting('application_name') as previous offset 0) s`.execute(trx);
    const result = await work(trx);
    await sql`select set_config('role', 'authenticated', true), set_config('application_name', ${rows[0]!.previous}, true)`.execute(
      trx,
    );
    return result;
  }

  /**
   * Reads outside a transaction, for service work that needs no atomicity. Each statement runs
   * on its own, so the reason is only logged.
   */
  serviceReader(reason: string): Kysely<DB> {
    this.logger.debug(`service reads: ${reason}`);
    return this.database.kysely;
  }

  /**
   * Single-statement writes outside a transaction, for service work whose statements stand
   * alone (a job's claim, its progress); several writes that belong together use asService.
   */
  serviceWriter(reason: string): Kysely<DB> {
    this.logger.debug(`service writes: ${reason}`);
    return this.database.kysely;
  }
}
