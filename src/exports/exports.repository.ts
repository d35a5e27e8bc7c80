import { Injectable } from '@nestjs/common';
import type { Insertable, Updateable } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { ExportHistoryTable } from '../infrastructure/database/database.types.js';
import { countRows } from '../shared/pagination/count-rows.js';
import type { PageRequest, RowsPage } from '../shared/pagination/page.dto.js';
import {
  afterTimeId,
  decodeTimeIdCursor,
  keysetSlice,
  utcText,
} from '../shared/pagination/time-id-keyset.js';
import type { Db, ExportRow } from './export-row.types.js';

/** The filters of GET /exports. */
export interface ExportListFilter {
  scope?: ExportRow['scope'];
  status?: ExportRow['status'];
  format?: ExportRow['export_format'];
}

export interface ExportAudit {
  userId: string;
  userRole: string;
  action: 'export_created' | 'export_completed' | 'export_failed';
  exportId: string;
  changes: Record<string, unknown>;
}

/** All SQL on export_history, and the audit entries of exports. */
@Injectable()
export class ExportsRepository {
  async insert(db: Db, values: Insertable<ExportHistoryTable>): Promise<ExportRow> {
    return db.insertInto('export_history').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async update(db: Db, id: string, patch: Updateable<ExportHistoryTable>): Promise<void> {
    await db.updateTable('export_history').set(patch).where('id', '=', id).execute();
  }

  /** Under asUser: row-level security shows a caller their own exports only. */
  async find(db: Db, id: string): Promise<ExportRow | undefined> {
    return db.selectFrom('export_history').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Under asUser: the caller's own exports (row-level security), newest first (exported_at desc,
   * id desc), keyset on both.
   */
  async list(trx: Tx, filter: ExportListFilter, page: PageRequest): Promise<RowsPage<ExportRow>> {
    let query = trx.selectFrom('export_history as e');
    if (filter.scope) query = query.where('e.scope', '=', filter.scope);
    if (filter.status) query = query.where('e.status', '=', filter.status);
    if (filter.format) query = query.where('e.export_format', '=', filter.format);
    const after = page.cursor === undefined ? undefined : decodeTimeIdCursor(page.cursor);
    const rowsQuery = after
      ? query.where(afterTimeId('e.exported_at', 'e.id', after, 'desc', 'desc'))
      : query;
    const [rows, counted] = await Promise.all([
      rowsQuery
        .selectAll('e')
        .select(utcText('e.exported_at').as('cursor_at'))
        .orderBy('e.exported_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(page.limit + 1)
        .offset(after ? 0 : page.offset)
        .execute(),
      countRows(trx, query, page.count),
    ]);
    return { ...keysetSlice(rows, page.limit, (r) => [r.cursor_at, r.id]), ...counted };
  }

  /** queued -> running (or a running one again after a restart); false if it already ended. */
  async claim(db: Db, id: string): Promise<ExportRow | undefined> {
    return db
      .updateTable('export_history')
      .set({ status: 'running', started_at: new Date(), progress: 0, sessions_exported: 0 })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .returningAll()
      .executeTakeFirst();
  }

  async progress(db: Db, id: string, done: number, total: number, partsWritten: number) {
    const percent = total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
    await db
      .updateTable('export_history')
      .set({
        progress: percent,
        sessions_exported: done,
        counts: JSON.stringify({ parts_written: partsWritten }),
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  async unfinished(db: Db): Promise<ExportRow[]> {
    return db
      .selectFrom('export_history')
      .selectAll()
      .where('status', 'in', ['queued', 'running'])
      .where('scope', '=', 'cohort')
      .orderBy('exported_at')
      .execute();
  }

  async appendAudit(db: Db, entry: ExportAudit): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        user_id: entry.userId,
        user_role: entry.userRole,
        action: entry.action,
        table_name: 'export_history',
        record_id: entry.exportId,
        changes: JSON.stringify(entry.changes),
      })
      .execute();
  }
}
