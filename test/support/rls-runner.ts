import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type RawBuilder } from 'kysely';
import { parse } from 'yaml';
import type { Database } from '../../src/infrastructure/database/database.js';
import { DbContext, type Tx } from '../../src/infrastructure/database/db-context.js';
import type { UserRole } from '../../src/infrastructure/database/database.types.js';

/**
 * Replays test/rls/rls-matrix.yaml against a migrated database: seeds one fixture (service
 * context), then runs each case as the named user inside a rolled-back transaction, exactly as
 * a request would (DbContext.asUser), and reports whether the operation was allowed.
 */
export type Actor = 'admin' | 'therapist' | 'researcher' | 'inactive_therapist' | 'inactive_admin';
export type RowKind = 'own' | 'other' | 'global';
export type Operation = 'select' | 'insert' | 'update' | 'delete' | 'execute';
/** clinical_notes: which note (default patient); by_admin = a patient note an admin wrote. */
export type NoteKind = 'patient' | 'session' | 'file' | 'by_admin';
/**
 * change_author / change_patient: an update that moves the note to another author / patient;
 * other_author: an insert in someone else's name.
 */
export type Variant = 'change_author' | 'change_patient' | 'other_author';

export interface RlsCase {
  /** A table, or for op execute a function (RPC). */
  table: string;
  op: Operation;
  role: Actor;
  row: RowKind;
  note?: NoteKind;
  variant?: Variant;
  expect: 'allowed' | 'denied';
}

export function caseName(c: RlsCase): string {
  const note = c.note ? ` (${c.note} note)` : '';
  const variant = c.variant ? ` [${c.variant}]` : '';
  return `${c.role} ${c.op} ${c.row} ${c.table}${note}${variant}`;
}

const ACTORS: Record<Actor, { role: UserRole; active: boolean }> = {
  admin: { role: 'admin', active: true },
  therapist: { role: 'therapist', active: true },
  researcher: { role: 'researcher', active: true },
  inactive_therapist: { role: 'therapist', active: false },
  inactive_admin: { role: 'admin', active: false },
};
/** Owners of patient data: the two therapist actors and a third therapist no case acts as. */
const OWNERS = ['therapist', 'inactive_therapist', 'other'] as const;
type Owner = (typeof OWNERS)[number];
const TRIAL_CONFIG = 'a0000000-0000-0000-0000-000000000001';

/** Actors, plus users no case acts as: a third therapist, a bystander, an admin who writes notes. */
type Person = Actor | 'other' | 'bystander' | 'note_admin';

export interface RlsFixture {
  users: Record<Person, string>;
  spareAuthUser: string;
  globalConfig: string;
  owned: Record<
    Owner,
    {
      patient: string;
      patientCode: string;
      barePatient: string;
      session: string;
      bareSession: string;
      rows: Record<string, string>;
    }
  >;
  audit: Record<string, string>;
}

export function loadRlsMatrix(): RlsCase[] {
  const file = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'rls', 'rls-matrix.yaml');
  return (parse(readFileSync(file, 'utf8')) as { cases: RlsCase[] }).cases;
}

async function one(trx: Tx, query: RawBuilder<unknown>): Promise<string> {
  const { rows } = await query.execute(trx);
  return String((rows[0] as { id: unknown }).id);
}

export async function seedRlsFixture(db: Database): Promise<RlsFixture> {
  return new DbContext(db).asService('rls-matrix-fixture', async (trx) => {
    const users = {} as Record<Person, string>;
    const audit: Record<string, string> = {};
    const people: [Person, { role: UserRole; active: boolean }][] = [
      ...(Object.entries(ACTORS) as [Actor, { role: UserRole; active: boolean }][]),
      ['other', { role: 'therapist', active: true }],
      // Another user's profile with nothing referencing it, so deleting it tests only RLS.
      ['bystander', { role: 'therapist', active: true }],
      // Writes the admin notes, so that no actor's profile is referenced by a note.
      ['note_admin', { role: 'admin', active: true }],
    ];
    for (const [name, { role, active }] of people) {
      const id = await one(
        trx,
        sql`insert into auth.users (email) values (${`rls-${name}-${Date.now()}@test.local`}) returning id`,
      );
      await sql`insert into public.user_profiles (id, role, active) values (${id}, ${role}, ${active})`.execute(
        trx,
      );
      users[name] = id;
      audit[name] = await one(
        trx,
        sql`insert into public.audit_log (user_id, action, table_name) values (${id}, 'fixture', 'test') returning id`,
      );
    }
    const spareAuthUser = await one(
      trx,
      sql`insert into auth.users (email) values (${`rls-spare-${Date.now()}@test.local`}) returning id`,
    );
    const globalConfig = await one(
      trx,
      sql`insert into public.scoring_configuration (configuration_name, is_global, active) values ('rls-global', true, false) returning id`,
    );
    const owned = {} as RlsFixture['owned'];
    for (const owner of OWNERS) {
      const therapist = users[owner];
      const patient = await one(
        trx,
        sql`insert into public.patients (therapist_id) values (${therapist}) returning id`,
      );
      const { rows: codes } = await sql<{
        patient_code: string;
      }>`select patient_code from public.patients where id = ${patient}`.execute(trx);
      const patientCode = codes[0]!.patient_code;
      const barePatient = await one(
        trx,
        sql`insert into public.patients (therapist_id) values (${therapist}) returning id`,
      );
      const session = await one(
        trx,
        sql`insert into public.therapy_sessions (session_code, patient_id, file_path, file_hash, file_size_bytes)
            values (public.next_session_code(${patient}), ${patient}, 'bucket/x.c3d', repeat('a', 64), 10) returning id`,
      );
      const bareSession = await one(
        trx,
        sql`insert into public.therapy_sessions (session_code, patient_id, file_path, file_hash, file_size_bytes)
            values (public.next_session_code(${patient}), ${patient}, 'bucket/y.c3d', repeat('b', 64), 10) returning id`,
      );
      const rows: Record<string, string> = {
        patients: patient,
        therapy_sessions: session,
        patient_medical_info: await one(
          trx,
          sql`insert into public.patient_medical_info (patient_id, first_name, last_name, date_of_birth, gender, created_by)
              values (${patient}, 'First', 'Last', '1950-01-01', 'F', ${therapist}) returning id`,
        ),
        emg_statistics: await one(
          trx,
          sql`insert into public.emg_statistics (session_id, channel_name, processing_profile) values (${session}, 'CH1', 'test') returning id`,
        ),
        contractions: await one(
          trx,
          sql`insert into public.contractions (session_id, channel_name, idx, start_sample, end_sample, start_time_ms,
                end_time_ms, duration_ms, mean_amplitude, max_amplitude)
              values (${session}, 'CH1', 0, 0, 10, 0, 5, 5, 0.0001, 0.0002) returning id`,
        ),
        performance_scores: await one(
          trx,
          sql`insert into public.performance_scores (session_id, scoring_config_id) values (${session}, ${TRIAL_CONFIG}) returning id`,
        ),
        session_settings: await one(
          trx,
          sql`insert into public.session_settings (session_id) values (${session}) returning id`,
        ),
        bfr_monitoring: await one(
          trx,
          sql`insert into public.bfr_monitoring (session_id, channel_name) values (${session}, 'CH1') returning id`,
        ),
        clinical_notes: await one(
          trx,
          sql`insert into public.clinical_notes (author_id, patient_id, note_type, content)
              values (${therapist}, ${patient}, 'patient', 'fixture') returning id`,
        ),
        // patient_id (and the session note's file_path) filled by the trigger
        'clinical_notes:session': await one(
          trx,
          sql`insert into public.clinical_notes (author_id, session_id, note_type, content)
              values (${therapist}, ${session}, 'session', 'fixture') returning id`,
        ),
        'clinical_notes:file': await one(
          trx,
          sql`insert into public.clinical_notes (author_id, file_path, note_type, content)
              values (${therapist}, ${`c3d-examples/${patientCode}/fixture.c3d`}, 'file', 'fixture') returning id`,
        ),
        'clinical_notes:by_admin': await one(
          trx,
          sql`insert into public.clinical_notes (author_id, patient_id, note_type, content)
              values (${users.note_admin}, ${patient}, 'patient', 'fixture') returning id`,
        ),
        scoring_configuration: await one(
          trx,
          sql`insert into public.scoring_configuration (configuration_name, therapist_id, patient_id, active)
              values ('rls-scoped', ${therapist}, ${patient}, true) returning id`,
        ),
      };
      owned[owner] = { patient, patientCode, barePatient, session, bareSession, rows };
    }
    return { users, spareAuthUser, globalConfig, owned, audit };
  });
}

const TOUCH_COLUMN: Record<string, string> = { audit_log: 'action', contractions: 'is_good' };

/** The row a case targets, or the owner its insert hangs off. */
function target(fx: RlsFixture, c: RlsCase): { owner: Owner; ownerUser: string; rowId: string } {
  const owner: Owner =
    c.row === 'own' && (c.role === 'therapist' || c.role === 'inactive_therapist') ? c.role : 'other';
  const ownerUser = c.row === 'own' ? fx.users[c.role] : fx.users.other;
  if (c.table === 'user_profiles')
    return { owner, ownerUser, rowId: c.row === 'own' ? ownerUser : fx.users.bystander };
  if (c.table === 'audit_log')
    return { owner, ownerUser, rowId: fx.audit[c.row === 'own' ? c.role : 'other']! };
  if (c.table === 'scoring_configuration' && c.row === 'global')
    return { owner, ownerUser, rowId: fx.globalConfig };
  const key = c.note && c.note !== 'patient' ? `${c.table}:${c.note}` : c.table;
  return { owner, ownerUser, rowId: fx.owned[owner].rows[key]! };
}

function insertQuery(
  fx: RlsFixture,
  c: RlsCase,
  owner: Owner,
  ownerUser: string,
  actorId: string,
): RawBuilder<unknown> {
  const o = fx.owned[owner];
  switch (c.table) {
    case 'patients':
      return sql`insert into public.patients (therapist_id) values (${ownerUser}) returning id`;
    case 'patient_medical_info':
      return sql`insert into public.patient_medical_info (patient_id, first_name, last_name, date_of_birth, gender, created_by)
                 values (${o.barePatient}, 'A', 'B', '1950-01-01', 'M', ${actorId}) returning id`;
    case 'therapy_sessions':
      return sql`insert into public.therapy_sessions (session_code, patient_id, file_path, file_hash, file_size_bytes)
                 values ('P9999S001', ${o.barePatient}, 'bucket/z.c3d', repeat('c', 64), 1) returning id`;
    case 'emg_statistics':
      return sql`insert into public.emg_statistics (session_id, channel_name, processing_profile) values (${o.bareSession}, 'CH1', 'x') returning id`;
    case 'contractions':
      return sql`insert into public.contractions (session_id, channel_name, idx, start_sample, end_sample, start_time_ms,
                   end_time_ms, duration_ms, mean_amplitude, max_amplitude)
                 values (${o.bareSession}, 'CH1', 0, 0, 1, 0, 1, 1, 1, 1) returning id`;
    case 'performance_scores':
      return sql`insert into public.performance_scores (session_id, scoring_config_id) values (${o.bareSession}, ${TRIAL_CONFIG}) returning id`;
    case 'session_settings':
      return sql`insert into public.session_settings (session_id) values (${o.bareSession}) returning id`;
    case 'bfr_monitoring':
      return sql`insert into public.bfr_monitoring (session_id, channel_name) values (${o.bareSession}, 'CH2') returning id`;
    case 'clinical_notes': {
      const author = c.variant === 'other_author' ? fx.users.bystander : actorId;
      if (c.note === 'session')
        return sql`insert into public.clinical_notes (author_id, session_id, note_type, content)
                   values (${author}, ${o.bareSession}, 'session', 'note') returning id`;
      if (c.note === 'file')
        return sql`insert into public.clinical_notes (author_id, file_path, note_type, content)
                   values (${author}, ${`c3d-examples/${o.patientCode}/new.c3d`}, 'file', 'note') returning id`;
      return sql`insert into public.clinical_notes (author_id, patient_id, note_type, content)
                 values (${author}, ${o.patient}, 'patient', 'note') returning id`;
    }
    case 'scoring_configuration':
      return c.row === 'global'
        ? sql`insert into public.scoring_configuration (configuration_name, is_global) values ('new-global', true) returning id`
        : sql`insert into public.scoring_configuration (configuration_name, therapist_id, patient_id)
              values ('new-scoped', ${ownerUser}, ${o.patient}) returning id`;
    case 'user_profiles':
      return sql`insert into public.user_profiles (id, role) values (${fx.spareAuthUser}, 'researcher') returning id`;
    case 'audit_log':
      return sql`insert into public.audit_log (user_id, action, table_name) values (${ownerUser}, 'x', 'y') returning id`;
    default:
      throw new Error(`rls-matrix: no insert for table ${c.table}`);
  }
}

function updateQuery(fx: RlsFixture, c: RlsCase, owner: Owner, rowId: string): RawBuilder<unknown> {
  const table = sql.table(`public.${c.table}`);
  if (c.variant === 'change_author')
    return sql`update ${table} set author_id = ${fx.users.bystander} where id::text = ${rowId} returning id`;
  // another patient of the same therapist: only the move itself can be what is refused
  if (c.variant === 'change_patient')
    return sql`update ${table} set patient_id = ${fx.owned[owner].barePatient} where id::text = ${rowId} returning id`;
  const touch = sql.ref(TOUCH_COLUMN[c.table] ?? 'updated_at');
  return sql`update ${table} set ${touch} = ${touch} where id::text = ${rowId} returning id`;
}

class Rollback extends Error {}

/** 'allowed' or 'denied' for one case; anything other than an RLS/privilege refusal is a bug. */
export async function runRlsCase(db: Database, fx: RlsFixture, c: RlsCase): Promise<'allowed' | 'denied'> {
  const actorId = fx.users[c.role];
  const { owner, ownerUser, rowId } =
    c.op === 'execute' ? { owner: 'other' as const, ownerUser: '', rowId: '' } : target(fx, c);
  const table = sql.table(`public.${c.table}`);
  const query: RawBuilder<unknown> = {
    select: () => sql`select id from ${table} where id::text = ${rowId}`,
    insert: () => insertQuery(fx, c, owner, ownerUser, actorId),
    update: () => updateQuery(fx, c, owner, rowId),
    delete: () => sql`delete from ${table} where id::text = ${rowId} returning id`,
    // an RPC: allowed when it answers with rows, denied when it refuses (insufficient_privilege)
    execute: () => sql`select * from ${sql.id('public', c.table)}()`,
  }[c.op]();
  let affected = 0;
  try {
    await new DbContext(db).asUser(
      { id: actorId, claims: { email: `${c.role}@test.local` } },
      async (trx) => {
        affected = (await query.execute(trx)).rows.length;
        throw new Rollback();
      },
    );
  } catch (error) {
    if (error instanceof Rollback) return affected > 0 ? 'allowed' : 'denied';
    if ((error as { code?: string }).code === '42501') return 'denied';
    throw error;
  }
  throw new Error('unreachable');
}
