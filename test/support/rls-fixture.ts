import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../src/infrastructure/database/database.js';
import { DbContext, type Tx } from '../../src/infrastructure/database/db-context.js';
import type { UserRole } from '../../src/infrastructure/database/database.types.js';

/**
 * The data the RLS matrix acts on, seeded once per database in the service context: one user per
 * actor, three therapists' patients with a session and every row that hangs off them, and the
 * placeholders ({other.patient}, {users.admin}, ...) that scenario SQL refers to them by.
 */
export const ACTORS = [
  'anon',
  'no_profile',
  'admin',
  'therapist',
  'researcher',
  'inactive_therapist',
  'inactive_admin',
  'inactive_researcher',
] as const;
export type Actor = (typeof ACTORS)[number];

const PROFILES: Partial<Record<Person, { role: UserRole; active: boolean }>> = {
  admin: { role: 'admin', active: true },
  therapist: { role: 'therapist', active: true },
  researcher: { role: 'researcher', active: true },
  inactive_therapist: { role: 'therapist', active: false },
  inactive_admin: { role: 'admin', active: false },
  inactive_researcher: { role: 'researcher', active: false },
  other: { role: 'therapist', active: true },
  // another user's profile with nothing referencing it, so deleting it tests only RLS
  bystander: { role: 'therapist', active: true },
  // writes the admin notes, so that no actor's profile is referenced by a note
  note_admin: { role: 'admin', active: true },
};

/** Owners of patient data: the two therapist actors and a third therapist no case acts as. */
export const OWNERS = ['therapist', 'inactive_therapist', 'other'] as const;
export type Owner = (typeof OWNERS)[number];
export const TRIAL_CONFIG = 'a0000000-0000-0000-0000-000000000001';
/** anon has no user; its "id" is one no row has. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

type Person = Actor | 'other' | 'bystander' | 'note_admin';

export interface OwnedRows {
  patient: string;
  patientCode: string;
  barePatient: string;
  session: string;
  bareSession: string;
  rows: Record<string, string>;
}

export interface RlsFixture {
  users: Record<Person, string>;
  spareAuthUser: string;
  globalConfig: string;
  owned: Record<Owner, OwnedRows>;
  audit: Record<string, string>;
  frontendLog: string;
  /**
   * export_history rows (0014) by a researcher and by someone else, when the table exists (an
   * admin's own export is a scenario's setup: it would keep the admin's profile from deletion).
   */
  exports: Record<'researcher' | 'other', string>;
}

async function one(trx: Tx, query: RawBuilder<unknown>): Promise<string> {
  const { rows } = await query.execute(trx);
  return String((rows[0] as { id: unknown }).id);
}

/** Tables of later migrations are seeded when present (the findings spec seeds before 0013). */
async function tableExists(trx: Tx, name: string): Promise<boolean> {
  const { rows } = await sql<{
    name: string | null;
  }>`select to_regclass(${`public.${name}`})::text as name`.execute(trx);
  return rows[0]?.name != null;
}

async function seedOwner(trx: Tx, therapist: string, noteAdmin: string): Promise<OwnedRows> {
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
          values (${noteAdmin}, ${patient}, 'patient', 'fixture') returning id`,
    ),
    scoring_configuration: await one(
      trx,
      sql`insert into public.scoring_configuration (configuration_name, therapist_id, patient_id, active)
          values ('rls-scoped', ${therapist}, ${patient}, true) returning id`,
    ),
    // therapist-wide (no patient)
    'scoring_configuration:therapist': await one(
      trx,
      sql`insert into public.scoring_configuration (configuration_name, therapist_id, active)
          values ('rls-therapist', ${therapist}, false) returning id`,
    ),
  };
  if (await tableExists(trx, 'patient_mvc_baselines'))
    rows.patient_mvc_baselines = await one(
      trx,
      sql`insert into public.patient_mvc_baselines (patient_id, mvc_values, window_ms, source, created_by)
          values (${patient}, '{"ghostly-v1": {"CH1": 0.0001}}', 500, 'file', ${therapist}) returning id`,
    );
  // the game's player name, which only the patient's therapist and admins may read
  await sql`update public.therapy_sessions set game_metadata = '{"player_name": "Fixture Player", "level": 1}'
            where id = ${session}`.execute(trx);
  rows.therapy_session_players = session;
  return { patient, patientCode, barePatient, session, bareSession, rows };
}

export async function seedRlsFixture(db: Database): Promise<RlsFixture> {
  return new DbContext(db).asService('rls-matrix-fixture', async (trx) => {
    const users = { anon: NO_USER } as Record<Person, string>;
    const audit: Record<string, string> = {};
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const people = [...ACTORS.filter((a) => a !== 'anon'), 'other', 'bystander', 'note_admin'] as const;
    for (const name of people) {
      const id = await one(
        trx,
        sql`insert into auth.users (email) values (${`rls-${name}-${stamp}@test.local`}) returning id`,
      );
      const profile = PROFILES[name];
      if (profile)
        await sql`insert into public.user_profiles (id, role, active) values (${id}, ${profile.role}, ${profile.active})`.execute(
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
      sql`insert into auth.users (email) values (${`rls-spare-${stamp}@test.local`}) returning id`,
    );
    const globalConfig = await one(
      trx,
      sql`insert into public.scoring_configuration (configuration_name, is_global, active) values ('rls-global', true, false) returning id`,
    );
    const owned = {} as Record<Owner, OwnedRows>;
    for (const owner of OWNERS) owned[owner] = await seedOwner(trx, users[owner], users.note_admin);
    const frontendLog = await one(
      trx,
      sql`insert into public.frontend_logs (user_id, request_id, entry) values (${users.other}, 'rls', 'line') returning id`,
    );
    const exports = {} as RlsFixture['exports'];
    if (await tableExists(trx, 'export_history')) {
      for (const [key, person, role] of [
        ['researcher', users.researcher, 'researcher'],
        ['other', users.note_admin, 'admin'],
      ] as const)
        exports[key] = await one(
          trx,
          sql`insert into public.export_history (exported_by, exported_by_role, scope, export_format, pseudonymised)
              values (${person}, ${role}, 'session', 'json', true) returning id`,
        );
    }
    return { users, spareAuthUser, globalConfig, owned, audit, frontendLog, exports };
  });
}

/** {users.<person>}, {<owner>.patient|patient_code|bare_patient|session|bare_session|<row key>}, {global_config}, {trial_config}. */
export function placeholders(fx: RlsFixture): Record<string, string> {
  const map: Record<string, string> = { global_config: fx.globalConfig, trial_config: TRIAL_CONFIG };
  for (const [person, id] of Object.entries(fx.users)) map[`users.${person}`] = id;
  for (const owner of OWNERS) {
    const o = fx.owned[owner];
    Object.assign(map, {
      [`${owner}.patient`]: o.patient,
      [`${owner}.patient_code`]: o.patientCode,
      [`${owner}.bare_patient`]: o.barePatient,
      [`${owner}.session`]: o.session,
      [`${owner}.bare_session`]: o.bareSession,
    });
    for (const [key, id] of Object.entries(o.rows)) map[`${owner}.${key}`] = id;
  }
  return map;
}

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{([a-z_.:]+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`rls-matrix: unknown placeholder ${whole}`);
    return value;
  });
}
