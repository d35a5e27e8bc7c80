import { Injectable } from '@nestjs/common';
import type { Insertable } from 'kysely';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import type { ExportHistoryTable } from '../infrastructure/database/database.types.js';
import type { ExportFormat } from './dto/export-enums.js';
import type { ExportCounts, ExportRow } from './export-row.types.js';
import { ExportsRepository, type ExportAudit } from './exports.repository.js';

export interface FinishedExport {
  id: string;
  scope: 'session' | 'patient';
  format: ExportFormat;
  sessionId?: string | null;
  patientId?: string | null;
  pseudonymised: boolean;
  config: Record<string, unknown>;
  counts: ExportCounts;
  fileName: string;
  contentType: string;
  bytes: number;
  startedAt: Date;
}

/**
 * Writes export_history and its audit entries in the service context, in one transaction per
 * event: users may read their own exports but never write the record of one.
 */
@Injectable()
export class ExportRecorder {
  constructor(
    private readonly db: DbContext,
    private readonly exports: ExportsRepository,
  ) {}

  /** A single-session or single-patient export, answered in the request. */
  async finished(user: AuthUser, e: FinishedExport): Promise<void> {
    await this.db.asService('export-record', async (trx) => {
      await this.exports.insert(trx, {
        id: e.id,
        session_id: e.sessionId ?? null,
        patient_id: e.patientId ?? null,
        exported_by: user.id,
        exported_by_role: user.role,
        scope: e.scope,
        export_format: e.format,
        export_config: JSON.stringify(e.config),
        pseudonymised: e.pseudonymised,
        status: 'completed',
        progress: 100,
        sessions_total: e.counts.sessions ?? null,
        sessions_exported: e.counts.sessions ?? 0,
        counts: JSON.stringify(e.counts),
        artifact_bytes: e.bytes,
        content_type: e.contentType,
        file_name: e.fileName,
        started_at: e.startedAt,
        completed_at: new Date(),
      });
      await this.exports.appendAudit(trx, {
        userId: user.id,
        userRole: user.role,
        action: 'export_completed',
        exportId: e.id,
        changes: {
          scope: e.scope,
          format: e.format,
          pseudonymised: e.pseudonymised,
          ...e.config,
          counts: e.counts,
        },
      });
    });
  }

  /** A queued cohort export, with its request audited in the same transaction. */
  async queued(
    user: AuthUser,
    values: Insertable<ExportHistoryTable>,
    changes: Record<string, unknown>,
  ): Promise<ExportRow> {
    return this.db.asService('export-record', async (trx) => {
      const row = await this.exports.insert(trx, values);
      await this.exports.appendAudit(trx, {
        userId: user.id,
        userRole: user.role,
        action: 'export_created',
        exportId: row.id,
        changes,
      });
      return row;
    });
  }

  async audit(entry: ExportAudit, patch: Parameters<ExportsRepository['update']>[2]): Promise<void> {
    await this.db.asService('export-record', async (trx) => {
      await this.exports.update(trx, entry.exportId, patch);
      await this.exports.appendAudit(trx, entry);
    });
  }
}
