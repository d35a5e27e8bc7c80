/**
 * Runs a queued cohort export: pages of sessions under the requester's row-level security,
 * written into a streamed ZIP whose bytes go to object storage in parts. Progress goes to
 * export_history after every page. The download is advertised (status completed, artifact
 * path) only after the last part is stored; a failure removes the parts and records the error.
 */
import { packageVersion } from '@app/report/node';
import { Injectable, Logger } from '@nestjs/common';
import { DbContext } from '../../infrastructure/database/db-context.js';
import { PermanentJobError } from '../../infrastructure/queue/job-queue.js';
import { ObjectStorage } from '../../infrastructure/storage/object-storage.js';
import { AppError } from '../../shared/errors/app-error.js';
import { artifactPrefix, deleteParts, StoragePartsSink } from '../artifact/artifact-parts.js';
import { ZipWriter } from '../artifact/zip-writer.js';
import type { ExportFilter } from '../export-data.repository.js';
import type { ExportCounts, ExportRow } from '../export-row.types.js';
import { ExportRecorder } from '../export-recorder.service.js';
import { ExportSourceService } from '../export-source.service.js';
import { ExportsRepository } from '../exports.repository.js';
import { ExportTuning } from '../export-tuning.js';
import { Pseudonymiser } from '../tables/pseudonymiser.js';
import { writeBidsZip } from './write-bids.js';
import { writeCsvZip, writeJsonDocument, type ExportMeta } from './write-tables.js';

/** export_config of a cohort export (as requested, patient codes resolved to ids). */
export interface CohortConfig {
  patient_codes?: string[];
  patient_ids?: string[];
  from?: string;
  to?: string;
  status: 'completed' | 'failed' | 'queued' | 'processing';
}

export function filterOf(config: CohortConfig): ExportFilter {
  return {
    ...(config.patient_ids?.length ? { patientIds: config.patient_ids } : {}),
    ...(config.from ? { from: new Date(config.from) } : {}),
    ...(config.to ? { to: new Date(config.to) } : {}),
    status: config.status,
  };
}

@Injectable()
export class CohortExportRunner {
  private readonly logger = new Logger(CohortExportRunner.name);

  constructor(
    private readonly db: DbContext,
    private readonly exports: ExportsRepository,
    private readonly recorder: ExportRecorder,
    private readonly source: ExportSourceService,
    private readonly storage: ObjectStorage,
    private readonly tuning: ExportTuning,
  ) {}

  async unfinished(): Promise<string[]> {
    const rows = await this.exports.unfinished(this.db.serviceReader('export-restart'));
    return rows.map((r) => r.id);
  }

  async run(exportId: string, jobProgress: (percent: number) => Promise<void> = () => Promise.resolve()) {
    const service = this.db.serviceWriter('export-run');
    const row = await this.exports.claim(service, exportId);
    if (!row) return;
    const prefix = artifactPrefix(row.id);
    // A run cut short by a restart may have left parts behind.
    const leftover = (row.counts as ExportCounts).parts_written ?? 0;
    if (leftover > 0) await deleteParts(this.storage, prefix, leftover + 1);
    const sink = new StoragePartsSink(this.storage, prefix, this.tuning.partBytes);
    try {
      const counts = await this.write(row, sink, async (done, total) => {
        await this.exports.progress(service, row.id, done, total, sink.parts);
        await jobProgress(total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0);
      });
      await sink.flush();
      const fileName = `export-${row.id}-${row.export_format}.zip`;
      await this.recorder.audit(
        {
          userId: row.exported_by,
          userRole: row.exported_by_role,
          action: 'export_completed',
          exportId: row.id,
          changes: { format: row.export_format, counts, bytes: sink.bytes },
        },
        {
          status: 'completed',
          progress: 100,
          sessions_exported: counts.sessions ?? 0,
          counts: JSON.stringify(counts),
          artifact_path: prefix,
          artifact_parts: Math.max(1, sink.parts),
          artifact_bytes: sink.bytes,
          content_type: 'application/zip',
          file_name: fileName,
          completed_at: new Date(),
        },
      );
    } catch (error) {
      await this.fail(row, sink, error);
      throw new PermanentJobError(`Export ${row.id} failed: ${String(error)}`, 'export_failed', {
        cause: error,
      });
    }
  }

  private async write(
    row: ExportRow,
    sink: StoragePartsSink,
    progress: (done: number, total: number) => Promise<void>,
  ): Promise<ExportCounts> {
    const config = row.export_config as unknown as CohortConfig;
    const caller = { id: row.exported_by, claims: {} };
    const pages = this.source.pages(caller, filterOf(config), this.tuning.pageSize);
    const p = Pseudonymiser.forExport(row.pseudonymised);
    const meta: ExportMeta = {
      id: row.id,
      format: row.export_format as ExportMeta['format'],
      scope: 'cohort',
      pseudonymised: p.enabled,
      generated_at: new Date().toISOString(),
      service_version: packageVersion(),
    };
    const total = row.sessions_total ?? 0;
    const zip = new ZipWriter(sink);
    let counts: ExportCounts;
    if (meta.format === 'json') {
      const write = zip.entry('export.json');
      counts = await writeJsonDocument(
        (s) => write(s),
        pages,
        p,
        meta,
        (done) => progress(done, total),
      );
      await write(null);
    } else if (meta.format === 'csv') {
      counts = await writeCsvZip(zip, pages, p, meta, (pass, done) =>
        progress(pass * total + done, 3 * total),
      );
    } else {
      counts = await writeBidsZip(zip, pages, p, meta, this.source.c3dLoader(), (done) =>
        progress(done, total),
      );
    }
    await zip.end();
    return { ...counts, files: counts.files ?? zip.entries };
  }

  private async fail(row: ExportRow, sink: StoragePartsSink, error: unknown): Promise<void> {
    const code = error instanceof AppError ? error.code : 'export_failed';
    const message = error instanceof Error ? error.message : String(error);
    const partsWritten = sink.parts;
    this.logger.error({ msg: 'export failed', exportId: row.id, code, error: message });
    try {
      await sink.discard();
    } catch (cleanup) {
      this.logger.error({
        msg: 'could not remove the parts of a failed export',
        exportId: row.id,
        error: String(cleanup),
      });
    }
    await this.recorder.audit(
      {
        userId: row.exported_by,
        userRole: row.exported_by_role,
        action: 'export_failed',
        exportId: row.id,
        changes: {
          format: row.export_format,
          error_code: code,
          error_message: message,
          parts_removed: partsWritten,
        },
      },
      {
        status: 'failed',
        error_code: code,
        error_message: message,
        artifact_path: null,
        artifact_parts: null,
        counts: JSON.stringify({ parts_written: 0 }),
        completed_at: new Date(),
      },
    );
  }
}
