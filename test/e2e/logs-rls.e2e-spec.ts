import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { DbContext } from '../../src/infrastructure/database/db-context.js';
import type { PgliteDatabase } from '../../src/infrastructure/database/pglite-database.js';
import { migratedPglite } from '../support/pglite-snapshot.js';
import { createUser, type TestUser } from '../support/tokens.js';

type Outcome = 'allowed' | 'denied';
class Rollback extends Error {}

/**
 * frontend_logs under RLS, as each kind of user, at the SQL level (the shared matrix runner
 * seeds patient data only): anyone active may add lines in their own name, only admins read,
 * nobody updates or deletes.
 */
describe('frontend_logs row-level security', () => {
  let db: PgliteDatabase;
  let ctx: DbContext;
  let users: Record<'admin' | 'therapist' | 'researcher' | 'inactive_therapist' | 'inactive_admin', TestUser>;
  let lineId: string;

  /** Runs one statement as `actor` in a rolled-back transaction: did it touch a row? */
  const attempt = async (actor: TestUser, statement: ReturnType<typeof sql>): Promise<Outcome> => {
    let affected = 0;
    try {
      await ctx.asUser({ id: actor.id, claims: { email: actor.email } }, async (trx) => {
        const result = await statement.execute(trx);
        affected = Math.max(Number(result.numAffectedRows ?? 0), result.rows.length);
        throw new Rollback();
      });
    } catch (error) {
      if (error instanceof Rollback) return affected > 0 ? 'allowed' : 'denied';
      if ((error as { code?: string }).code === '42501') return 'denied';
      throw error;
    }
    throw new Error('unreachable');
  };
  const insertAs = (actor: TestUser, userId: string | null) =>
    attempt(
      actor,
      sql`insert into public.frontend_logs (user_id, request_id, client_address, entry)
          values (${userId}, 'rls', '127.0.0.1', 'line')`,
    );

  beforeAll(async () => {
    db = await migratedPglite();
    ctx = new DbContext(db);
    users = {
      admin: await createUser(db, 'admin'),
      therapist: await createUser(db, 'therapist'),
      researcher: await createUser(db, 'researcher'),
      inactive_therapist: await createUser(db, 'therapist', { active: false }),
      inactive_admin: await createUser(db, 'admin', { active: false }),
    };
    const { rows } = await ctx.asService('rls-fixture', (trx) =>
      sql<{ id: string }>`insert into public.frontend_logs (user_id, request_id, entry)
        values (${users.therapist.id}, 'fixture', 'fixture line') returning id::text as id`.execute(trx),
    );
    lineId = rows[0]!.id;
  });
  afterAll(async () => db.close());

  const cases: Array<[keyof typeof users, Outcome, Outcome]> = [
    // actor, insert in own name, select
    ['admin', 'allowed', 'allowed'],
    ['therapist', 'allowed', 'denied'],
    ['researcher', 'allowed', 'denied'],
    ['inactive_therapist', 'denied', 'denied'],
    ['inactive_admin', 'denied', 'denied'],
  ];

  it.each(cases)('%s: insert own %s, select %s, update and delete denied', async (who, insert, select) => {
    const actor = users[who];
    expect(await insertAs(actor, actor.id)).toBe(insert);
    expect(await attempt(actor, sql`select id from public.frontend_logs where id = ${lineId}`)).toBe(select);
    expect(
      await attempt(actor, sql`update public.frontend_logs set entry = 'changed' where id = ${lineId}`),
    ).toBe('denied');
    expect(await attempt(actor, sql`delete from public.frontend_logs where id = ${lineId}`)).toBe('denied');
  });

  it.each(Object.keys({ admin: 1, therapist: 1, researcher: 1 }) as Array<keyof typeof users>)(
    '%s may not write lines in another name or in none',
    async (who) => {
      const other = who === 'therapist' ? users.researcher : users.therapist;
      expect(await insertAs(users[who], other.id)).toBe('denied');
      expect(await insertAs(users[who], null)).toBe('denied');
    },
  );

  it('the anon role has no access at all', async () => {
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await sql`select set_config('role', 'anon', true)`.execute(trx);
        await sql`select count(*) from public.frontend_logs`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '42501' });
  });
});
