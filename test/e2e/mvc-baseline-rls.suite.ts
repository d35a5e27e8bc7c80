// Row-level security of patient_mvc_baselines (migrations/0015_profiles_mvc.sql) as a matrix:
// actor x operation -> allowed or denied, each case in its own transaction under role
// authenticated with the actor's claims (as every user request runs), rolled back. Run on PGlite
// (mvc-baseline-rls.e2e-spec.ts) and on PostgreSQL (test/integration/mvc-baseline-rls.int-spec.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql, type Kysely } from 'kysely';
import { DbContext } from '../../src/infrastructure/database/db-context.js';
import type { Database } from '../../src/infrastructure/database/database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createUser, type TestUser } from '../support/tokens.js';

type Actor =
  'admin' | 'therapist' | 'other_therapist' | 'researcher' | 'inactive_therapist' | 'inactive_admin';
type Op = 'select' | 'insert' | 'insert_as_other' | 'update' | 'delete';
const ROLLBACK = new Error('rollback');

// The patient's therapist and (active) admins read and add calibrations; nobody changes or
// deletes one (append-only history); researchers, other therapists and inactive users nothing.
const MATRIX: [Actor, Op, boolean][] = [
  ['admin', 'select', true],
  ['therapist', 'select', true],
  ['other_therapist', 'select', false],
  ['researcher', 'select', false],
  ['inactive_therapist', 'select', false],
  ['inactive_admin', 'select', false],
  ['admin', 'insert', true],
  ['therapist', 'insert', true],
  ['therapist', 'insert_as_other', false],
  ['other_therapist', 'insert', false],
  ['researcher', 'insert', false],
  ['inactive_therapist', 'insert', false],
  ['inactive_admin', 'insert', false],
  ['admin', 'update', false],
  ['therapist', 'update', false],
  ['admin', 'delete', false],
  ['therapist', 'delete', false],
];

export interface SuiteDatabase {
  database: Database;
  close(): Promise<void>;
}

/** @param open a migrated database (PGlite or PostgreSQL), or undefined for the default PGlite. */
export function describeMvcBaselineRls(engine: string, open?: () => Promise<SuiteDatabase>): void {
  describe(`RLS of patient_mvc_baselines on ${engine}`, () => {
    let opened: SuiteDatabase | undefined;
    let t: TestApp;
    const users = {} as Record<Actor, TestUser>;
    let patientId: string;
    /** The inactive therapist's own patient: inactivity, not ownership, must deny. */
    let inactivePatientId: string;

    beforeAll(async () => {
      opened = open ? await open() : undefined;
      t = await createTestApp(
        { JWT_SECRET: 'mvc-rls-e2e-secret-with-at-least-32-characters' },
        opened ? { database: opened.database } : {},
      );
      const db = t.database.kysely as unknown as Kysely<Record<string, Record<string, unknown>>>;
      users.admin = await createUser(t.database, 'admin');
      users.therapist = await createUser(t.database, 'therapist');
      users.other_therapist = await createUser(t.database, 'therapist');
      users.researcher = await createUser(t.database, 'researcher');
      users.inactive_therapist = await createUser(t.database, 'therapist');
      users.inactive_admin = await createUser(t.database, 'admin');
      const p = await sql<{
        id: string;
      }>`insert into public.patients (therapist_id) values (${users.therapist.id}) returning id`.execute(db);
      patientId = p.rows[0]!.id;
      // the inactive therapist's own patient, with a calibration, before being deactivated
      const q = await sql<{
        id: string;
      }>`insert into public.patients (therapist_id) values (${users.inactive_therapist.id}) returning id`.execute(
        db,
      );
      inactivePatientId = q.rows[0]!.id;
      for (const [pid, by] of [
        [patientId, users.therapist.id],
        [inactivePatientId, users.inactive_therapist.id],
      ])
        await sql`insert into public.patient_mvc_baselines (patient_id, mvc_values, window_ms, source, created_by)
        values (${pid}, '{"ghostly-v1":{"CH1":0.0002}}', 500, 'file', ${by})`.execute(db);
      await sql`update public.user_profiles set active = false where id in (${users.inactive_therapist.id}, ${users.inactive_admin.id})`.execute(
        db,
      );
    });
    afterAll(async () => {
      await t?.close();
      await opened?.close();
    });

    const ownPatient = () => patientId;
    async function run(actor: Actor, op: Op): Promise<boolean> {
      const u = users[actor];
      const patientId = actor === 'inactive_therapist' ? inactivePatientId : ownPatient();
      const ctx = t.get(DbContext);
      let allowed = false;
      try {
        await ctx.asUser({ id: u.id, claims: { sub: u.id, email: u.email } }, async (trx) => {
          if (op === 'select') {
            const r =
              await sql`select id from public.patient_mvc_baselines where patient_id = ${patientId}`.execute(
                trx,
              );
            allowed = r.rows.length > 0;
          } else if (op === 'insert' || op === 'insert_as_other') {
            const by = op === 'insert' ? u.id : users.admin.id;
            await sql`insert into public.patient_mvc_baselines (patient_id, mvc_values, window_ms, source, created_by)
            values (${patientId}, '{"seniam-v1":{"CH1":0.0001}}', 750, 'file', ${by})`.execute(trx);
            allowed = true;
          } else if (op === 'update') {
            const r =
              await sql`update public.patient_mvc_baselines set window_ms = 900 where patient_id = ${patientId}`.execute(
                trx,
              );
            allowed = Number(r.numAffectedRows ?? 0) > 0;
          } else {
            const r =
              await sql`delete from public.patient_mvc_baselines where patient_id = ${patientId}`.execute(
                trx,
              );
            allowed = Number(r.numAffectedRows ?? 0) > 0;
          }
          throw ROLLBACK;
        });
      } catch (e) {
        if (e === ROLLBACK) return allowed;
        const code = (e as { code?: string }).code;
        if (code === '42501' || code === '23514' || code === '23503') return false;
        throw e;
      }
      return allowed;
    }

    it.each(MATRIX)('%s %s -> allowed=%s', async (actor, op, expected) => {
      expect(await run(actor, op)).toBe(expected);
    });

    it('created_by defaults to the caller', async () => {
      const u = users.therapist;
      const by = await t.get(DbContext).asUser({ id: u.id, claims: { sub: u.id } }, async (trx) => {
        const r = await sql<{
          created_by: string;
        }>`insert into public.patient_mvc_baselines (patient_id, mvc_values, window_ms, source)
        values (${patientId}, '{}', 500, 'file') returning created_by`.execute(trx);
        return r.rows[0]!.created_by;
      });
      expect(by).toBe(u.id);
    });

    it('anon holds no privilege on the table', async () => {
      const r = await sql<{
        p: boolean;
      }>`select has_table_privilege('anon', 'public.patient_mvc_baselines', 'select') as p`.execute(
        t.database.kysely,
      );
      expect(r.rows[0]!.p).toBe(false);
    });
  });
}
