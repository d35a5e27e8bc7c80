import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type {
  DB,
  Json,
  NullableTimestamp,
  Timestamp,
  UserRole,
} from '../infrastructure/database/database.types.js';
import type { SessionsDB } from '../session/session-row.types.js';

export type ExportFormat = 'json' | 'csv' | 'bids';
export type ExportScope = 'session' | 'patient' | 'cohort';
export type ExportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface ExportCounts {
  sessions?: number;
  channels?: number;
  contractions?: number;
  files?: number;
  /** Parts stored so far by a running export (cleanup after a crash). */
  parts_written?: number;
  skipped_sessions?: number;
}

/** Columns of migrations/0014_exports.sql. */
export interface ExportHistoryTable {
  id: Generated<string>;
  session_id: string | null;
  patient_id: string | null;
  exported_by: string;
  exported_by_role: UserRole;
  scope: ExportScope;
  export_config: Json;
  export_format: ExportFormat;
  channels_included: string[] | null;
  downsampling_factor: number | null;
  pseudonymised: boolean;
  status: Generated<ExportStatus>;
  progress: Generated<number>;
  sessions_total: number | null;
  sessions_exported: Generated<number>;
  counts: Json<ExportCounts>;
  artifact_path: string | null;
  artifact_parts: number | null;
  artifact_bytes: ColumnType<number | string | null, number | null | undefined, number | null>;
  content_type: string | null;
  file_name: string | null;
  error_code: string | null;
  error_message: string | null;
  exported_at: Timestamp;
  started_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  updated_at: Timestamp;
}

export type ExportsDB = SessionsDB & { export_history: ExportHistoryTable };
export type ExportRow = Selectable<ExportHistoryTable>;
export type ETx = Transaction<ExportsDB>;

/** A user's transaction or the service connection. */
export type Db = Tx | Kysely<DB>;

/** The shared transaction (or service connection) with the export tables typed. */
export function exportDb(db: Db): Kysely<ExportsDB> {
  return db as unknown as Kysely<ExportsDB>;
}
