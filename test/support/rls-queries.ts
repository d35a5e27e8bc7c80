import { sql, type RawBuilder } from 'kysely';
import { type Actor, type Owner, type RlsFixture, TRIAL_CONFIG } from './rls-fixture.js';

/**
 * The statement each table case runs: which row it targets and how it inserts, updates or
 * deletes, so that a case in the YAML needs only table, operation, actor and row.
 */
export type RowKind = 'own' | 'other' | 'global';
export type TableOperation = 'select' | 'insert' | 'update' | 'delete';
/** clinical_notes: which note (default patient); by_admin = a patient note an admin wrote. */
export type NoteKind = 'patient' | 'session' | 'file' | 'by_admin';
/**
 * change_author / change_patient: an update that moves the note to another author / patient;
 * other_author: an insert in someone else's name.
 */
export type Variant = 'change_author' | 'change_patient' | 'other_author';

export interface TableCase {
  table: string;
  op: TableOperation;
  role: Actor;
  row: RowKind;
  note?: NoteKind;
  variant?: Variant;
}

const TOUCH_COLUMN: Record<string, string> = {
  audit_log: 'action',
  contractions: 'is_good',
  frontend_logs: 'entry',
  export_history: 'status',
  patient_mvc_baselines: 'window_ms',
  therapy_session_players: 'player_name',
};
const KEY_COLUMN: Record<string, string> = { therapy_session_players: 'session_id' };

interface Target {
  owner: Owner;
  ownerUser: string;
  rowId: string;
}

/** The row a case targets, or the owner its insert hangs off. */
function target(fx: RlsFixture, c: TableCase): Target {
  const owner: Owner =
    c.row === 'own' && (c.role === 'therapist' || c.role === 'inactive_therapist') ? c.role : 'other';
  const ownerUser = c.row === 'own' ? fx.users[c.role] : fx.users.other;
  if (c.table === 'user_profiles')
    return { owner, ownerUser, rowId: c.row === 'own' ? ownerUser : fx.users.bystander };
  if (c.table === 'audit_log')
    return { owner, ownerUser, rowId: fx.audit[c.row === 'own' ? c.role : 'other']! };
  if (c.table === 'frontend_logs') return { owner, ownerUser, rowId: fx.frontendLog };
  if (c.table === 'export_history') {
    const key = c.row === 'own' && c.role === 'researcher' ? c.role : 'other';
    return { owner, ownerUser, rowId: fx.exports[key] };
  }
  if (c.table === 'scoring_configuration' && c.row === 'global')
    return { owner, ownerUser, rowId: fx.globalConfig };
  const key = c.note && c.note !== 'patient' ? `${c.table}:${c.note}` : c.table;
  const rowId = fx.owned[owner].rows[key];
  if (!rowId) throw new Error(`rls-matrix: no fixture row for ${key}`);
  return { owner, ownerUser, rowId };
}

function insertQuery(fx: RlsFixture, c: TableCase, t: Target, actorId: string): RawBuilder<unknown> {
  const o = fx.owned[t.owner];
  switch (c.table) {
    case 'patients':
      return sql`insert into public.patients (therapist_id) values (${t.ownerUser}) returning id`;
    case 'patient_medical_info':
      return sql`insert into public.patient_medical_info (patient_id, first_name, last_name, date_of_birth, gender, created_by)
                 values (${o.barePatient}, 'A', 'B', '1950-01-01', 'M', ${actorId}) returning id`;
    case 'therapy_sessions':
      return sql`insert into public.therapy_sessions (session_code, patient_id, file_path, file_hash, file_size_bytes)
                 values ('P9999S001', ${o.barePatient}, 'bucket/z.c3d', repeat('c', 64), 1) returning id`;
    case 'therapy_session_players':
      return sql`insert into public.therapy_session_players (session_id, player_name) values (${o.bareSession}, 'x') returning session_id`;
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
              values ('new-scoped', ${t.ownerUser}, ${o.patient}) returning id`;
    case 'user_profiles':
      return sql`insert into public.user_profiles (id, role) values (${fx.spareAuthUser}, 'researcher') returning id`;
    case 'audit_log':
      return sql`insert into public.audit_log (user_id, action, table_name) values (${t.ownerUser}, 'x', 'y') returning id`;
    case 'frontend_logs':
      // no RETURNING: only admins may read the line back
      return sql`insert into public.frontend_logs (user_id, request_id, entry) values (${t.ownerUser}, 'rls', 'x')`;
    case 'patient_mvc_baselines':
      return sql`insert into public.patient_mvc_baselines (patient_id, mvc_values, window_ms, source, created_by)
                 values (${o.patient}, '{"ghostly-v1": {"CH1": 0.0002}}', 500, 'file', ${actorId}) returning id`;
    case 'export_history':
      return sql`insert into public.export_history (exported_by, exported_by_role, scope, export_format, pseudonymised)
                 values (${t.ownerUser}, 'admin', 'session', 'json', true)`;
    default:
      throw new Error(`rls-matrix: no insert for table ${c.table}`);
  }
}

function updateQuery(fx: RlsFixture, c: TableCase, t: Target): RawBuilder<unknown> {
  const table = sql.table(`public.${c.table}`);
  const key = sql.ref(KEY_COLUMN[c.table] ?? 'id');
  if (c.variant === 'change_author')
    return sql`update ${table} set author_id = ${fx.users.bystander} where id::text = ${t.rowId} returning id`;
  // another patient of the same therapist: only the move itself can be what is refused
  if (c.variant === 'change_patient')
    return sql`update ${table} set patient_id = ${fx.owned[t.owner].barePatient} where id::text = ${t.rowId} returning id`;
  const touch = sql.ref(TOUCH_COLUMN[c.table] ?? 'updated_at');
  return sql`update ${table} set ${touch} = ${touch} where ${key}::text = ${t.rowId} returning ${key}`;
}

/** The statement of a table case, as `actorId` would send it. */
export function tableStatement(fx: RlsFixture, c: TableCase): RawBuilder<unknown> {
  const t = target(fx, c);
  const table = sql.table(`public.${c.table}`);
  const key = sql.ref(KEY_COLUMN[c.table] ?? 'id');
  switch (c.op) {
    case 'select':
      return sql`select ${key} from ${table} where ${key}::text = ${t.rowId}`;
    case 'insert':
      return insertQuery(fx, c, t, fx.users[c.role]);
    case 'update':
      return updateQuery(fx, c, t);
    case 'delete':
      return sql`delete from ${table} where ${key}::text = ${t.rowId} returning ${key}`;
  }
}
