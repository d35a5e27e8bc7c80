// Row types of the tables and columns added by migrations/0015_profiles_mvc.sql, joined onto the
// shared DB type where this module reads them.
import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type {
  DB,
  Json,
  PatientsTable,
  TherapySessionsTable,
} from '../infrastructure/database/database.types.js';

export type ProfileMvcValues = Record<string, Record<string, number>>;
export type ProfileMvcWindows = Record<
  string,
  Record<string, { value: number; window_start_s: number; window_end_s: number }>
>;

export interface PatientMvcBaselinesTable {
  id: Generated<string>;
  patient_id: string;
  mvc_values: Json<ProfileMvcValues>;
  windows: Json<ProfileMvcWindows>;
  method: Generated<'best_window_mean'>;
  window_ms: number;
  source: 'file' | 'session';
  source_file_name: string | null;
  source_file_hash: string | null;
  source_session_id: string | null;
  /** Defaults to auth.uid() (RLS checks it is the caller). */
  created_by: ColumnType<string, string | undefined, never>;
  created_at: ColumnType<Date, never, never>;
}

type ProfileColumns = { default_profile: string | null };
type SessionProfileColumns = { processing_profile: string | null };

export type MvcDB = Omit<DB, 'patients' | 'therapy_sessions'> & {
  patients: PatientsTable & ProfileColumns;
  therapy_sessions: TherapySessionsTable & SessionProfileColumns;
  patient_mvc_baselines: PatientMvcBaselinesTable;
};
export type MvcBaselineRow = Selectable<PatientMvcBaselinesTable>;
export type MTx = Transaction<MvcDB>;

export function mvcTx(trx: Tx | Kysely<DB>): MTx {
  return trx as unknown as MTx;
}
