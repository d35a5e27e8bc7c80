// The reason given to DbContext's service contexts is the transaction's application_name, so
// that pg_stat_activity shows which service work holds a connection; a service step inside a
// user's transaction names itself for the step only. Run on PGlite (service-reason.e2e-spec.ts)
// and on PostgreSQL (test/integration/service-reason.int-spec.ts), where another connection
// also sees the name in pg_stat_activity.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DbContext, type Tx } from '../../src/infrastructure/database/db-context.js';
import type { Database } from '../../src/infrastructure/database/database.js';

export interface SuiteDatabase {
  database: Database;
  close(): Promise<void>;
}

const applicationName = async (trx: Tx) =>
  (await sql<{ name: string }>`select current_setting('application_name') as name`.execute(trx)).rows[0]!
    .name;
const currentUser = async (trx: Tx) =>
  (await sql<{ name: string }>`select current_user as name`.execute(trx)).rows[0]!.name;

/** @param observable whether other connections can watch one (pg_stat_activity; not PGlite's). */
export function describeServiceReason(
  engine: string,
  open: () => Promise<SuiteDatabase>,
  observable: boolean,
): void {
  describe(`service reasons as application_name on ${engine}`, () => {
    let opened: SuiteDatabase;
    let db: DbContext;
    const caller = { id: randomUUID(), claims: {} };

    beforeAll(async () => {
      opened = await open();
      db = new DbContext(opened.database);
    }, 60_000);
    afterAll(async () => {
      await opened.close();
    });

    it('asService runs under its reason, for that transaction only', async () => {
      const outside = await db.asUser(caller, applicationName);
      const inside = await db.asService('export-record', applicationName);
      expect(inside).toBe('export-record');
      expect(await db.asUser(caller, applicationName)).toBe(outside);
    });

    it('serviceStep names the step and gives the name and the role back after it', async () => {
      const seen = await db.asUser(caller, async (trx) => {
        const before = { name: await applicationName(trx), user: await currentUser(trx) };
        const during = await db.serviceStep(trx, 'session-scores', async (step) => ({
          name: await applicationName(step),
          user: await currentUser(step),
        }));
        const after = { name: await applicationName(trx), user: await currentUser(trx) };
        return { before, during, after };
      });
      expect(seen.before.user).toBe('authenticated');
      expect(seen.during.name).toBe('session-scores');
      expect(seen.during.user).not.toBe('authenticated');
      expect(seen.after).toEqual(seen.before);
    });

    if (!observable) return;
    it('pg_stat_activity shows the reason while the service transaction holds its connection', async () => {
      const reason = `reason-${randomUUID().slice(0, 8)}`;
      const watched = await db.asService(reason, async () => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
           where application_name = ${reason} and pid <> pg_backend_pid()`.execute(
          db.serviceReader('test: watch the service transaction'),
        );
        return rows[0]!.n;
      });
      expect(watched).toBe(1);
    });
  });
}
