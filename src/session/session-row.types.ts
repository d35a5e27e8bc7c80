import type { AnalysisParams } from '@app/analysis';
import type { Selectable, Transaction } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { DB, Json, TherapySessionsTable } from '../infrastructure/database/database.types.js';

/** Subjective inputs as stored on the session (snake_case, the API's names). */
export interface SubjectiveData {
  rpe_post_session?: number | null;
  bfr_pressure_aop?: number | null;
  game_points_achieved?: number | null;
  game_points_max?: number | null;
}

/** Columns added by migrations/0008_session_pipeline.sql. */
interface PipelineColumns {
  analysis_params: Json<AnalysisParams>;
  subjective: Json<SubjectiveData>;
  source: 'upload' | 'webhook';
  /** Requested processing profile (migrations/0015_profiles_mvc.sql); null = the patient's default. */
  processing_profile: string | null;
}

export type SessionTable = TherapySessionsTable & PipelineColumns;
export type SessionsDB = Omit<DB, 'therapy_sessions'> & { therapy_sessions: SessionTable };
export type SessionRow = Selectable<SessionTable>;
export type STx = Transaction<SessionsDB>;

/** The shared transaction type with the session pipeline's extra columns. */
export function sessionTx(trx: Tx): STx {
  return trx as unknown as STx;
}
