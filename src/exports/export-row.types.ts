import type { Kysely, Selectable } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { DB, ExportHistoryTable } from '../infrastructure/database/database.types.js';

/** export_history.counts. */
export interface ExportCounts {
  sessions?: number;
  channels?: number;
  contractions?: number;
  files?: number;
  /** Parts stored so far by a running export (cleanup after a crash). */
  parts_written?: number;
  skipped_sessions?: number;
}

export type ExportRow = Selectable<ExportHistoryTable>;

/** A user's transaction or the service connection. */
export type Db = Tx | Kysely<DB>;
