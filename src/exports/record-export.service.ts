import { packageVersion } from '@app/report/node';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { ConflictError, NotFoundError } from '../shared/errors/app-error.js';
import { MemorySink, ZipWriter } from './artifact/zip-writer.js';
import type { ExportFormat } from './dto/export-enums.js';
import type { PatientExportQueryDto, SessionExportQueryDto } from './dto/export-request.dto.js';
import { ExportDataRepository, type ExportFilter } from './export-data.repository.js';
import { pseudonymiseFor } from './export-policy.js';
import { ExportRecorder } from './export-recorder.service.js';
import type { ExportCounts } from './export-row.types.js';
import { ExportSourceService } from './export-source.service.js';
import { Pseudonymiser } from './tables/pseudonymiser.js';
import { writeBidsZip } from './use-cases/write-bids.js';
import { writeCsvTable, writeCsvZip, writeJsonDocument, type ExportMeta } from './use-cases/write-tables.js';

/** What an export endpoint answers: the body with its type and download name. */
export interface ExportFile {
  contentType: string;
  fileName: string;
  body: Buffer;
}

type Query = (SessionExportQueryDto | PatientExportQueryDto) & { format?: ExportFormat };

/**
 * GET /sessions/{code}/export and GET /patients/{code}/export: one session or one patient's
 * completed sessions, read under the caller's row-level security (another therapist's session is
 * a 404), answered in the request and recorded in export_history with an audit entry.
 */
@Injectable()
export class RecordExportService {
  constructor(
    private readonly db: DbContext,
    private readonly data: ExportDataRepository,
    private readonly source: ExportSourceService,
    private readonly recorder: ExportRecorder,
  ) {}

  async session(user: AuthUser, sessionCode: string, query: SessionExportQueryDto): Promise<ExportFile> {
    const pseudonymise = pseudonymiseFor(user.role, query.pseudonymise, false);
    const filter: ExportFilter = { sessionCode };
    const [row] = await this.db.asUser(user, (trx) => this.data.sessionsPage(trx, filter, null, 1));
    if (!row) throw new NotFoundError('session_not_found', `Session ${sessionCode.toUpperCase()} not found`);
    if (row.processing_status !== 'completed')
      throw new ConflictError(
        'not_ready',
        `Session ${row.session_code} is ${row.processing_status}: only completed sessions can be exported`,
      );
    const p = Pseudonymiser.forExport(pseudonymise);
    const label = p.session(row.patient_id, row.patient_code, row.session_code);
    return this.build(user, query, p, filter, {
      scope: 'session',
      sessionId: row.id,
      patientId: row.patient_id,
      baseName: `session-${label}`,
      config: { session_code: label },
      skipped: 0,
    });
  }

  async patient(user: AuthUser, patientCode: string, query: PatientExportQueryDto): Promise<ExportFile> {
    const pseudonymise = pseudonymiseFor(user.role, query.pseudonymise, false);
    const [patient] = await this.db.asUser(user, (trx) => this.data.patientsByCodes(trx, [patientCode]));
    if (!patient)
      throw new NotFoundError('patient_not_found', `Patient ${patientCode.toUpperCase()} not found`);
    const all = await this.source.count(user, { patientIds: [patient.id] });
    const filter: ExportFilter = { patientIds: [patient.id], status: 'completed' };
    const completed = await this.source.count(user, filter);
    if (completed === 0)
      throw new ConflictError(
        'not_ready',
        `Patient ${patient.patient_code} has no completed session to export`,
        {
          sessions: all,
        },
      );
    const p = Pseudonymiser.forExport(pseudonymise);
    const label = p.patient(patient.id, patient.patient_code);
    return this.build(user, query, p, filter, {
      scope: 'patient',
      sessionId: null,
      patientId: patient.id,
      baseName: `patient-${label}`,
      config: { patient_code: label },
      skipped: all - completed,
    });
  }

  private async build(
    user: AuthUser,
    query: Query,
    p: Pseudonymiser,
    filter: ExportFilter,
    o: {
      scope: 'session' | 'patient';
      sessionId: string | null;
      patientId: string;
      baseName: string;
      config: Record<string, unknown>;
      skipped: number;
    },
  ): Promise<ExportFile> {
    const startedAt = new Date();
    const format = query.format ?? 'json';
    const meta: ExportMeta = {
      id: randomUUID(),
      format,
      scope: o.scope,
      pseudonymised: p.enabled,
      generated_at: startedAt.toISOString(),
      service_version: packageVersion(),
    };
    const pages = this.source.pages(user, filter);
    let file: ExportFile;
    let counts: ExportCounts;
    if (format === 'json' || (format === 'csv' && query.table)) {
      const pieces: string[] = [];
      const out = (s: string) => {
        pieces.push(s);
        return Promise.resolve();
      };
      if (format === 'json') {
        counts = await writeJsonDocument(out, pages, p, meta);
        file = {
          contentType: 'application/json; charset=utf-8',
          fileName: `${o.baseName}.json`,
          body: Buffer.from(pieces.join('')),
        };
      } else {
        const rows = await writeCsvTable(out, query.table!, pages, p);
        counts = { [query.table!]: rows };
        file = {
          contentType: 'text/csv; charset=utf-8',
          fileName: `${o.baseName}-${query.table}.csv`,
          body: Buffer.from(pieces.join('')),
        };
      }
    } else {
      const sink = new MemorySink();
      const zip = new ZipWriter(sink);
      counts =
        format === 'csv'
          ? await writeCsvZip(zip, pages, p, meta)
          : await writeBidsZip(zip, pages, p, meta, this.source.c3dLoader());
      await zip.end();
      file = {
        contentType: 'application/zip',
        fileName: `${o.baseName}-${format}.zip`,
        body: sink.bytes(),
      };
    }
    if (o.skipped > 0) counts.skipped_sessions = o.skipped;
    await this.recorder.finished(user, {
      id: meta.id,
      scope: o.scope,
      format,
      sessionId: o.sessionId,
      patientId: o.patientId,
      pseudonymised: p.enabled,
      config: { ...o.config, ...(query.table ? { table: query.table } : {}) },
      counts,
      fileName: file.fileName,
      contentType: file.contentType,
      bytes: file.body.length,
      startedAt,
    });
    return file;
  }
}
