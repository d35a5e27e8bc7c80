import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../shared/errors/app-error.js';
import { readParts } from './artifact/artifact-parts.js';
import type { ExportJobDto } from './dto/export-job.dto.js';
import type { CreateCohortExportDto } from './dto/export-request.dto.js';
import { ExportDataRepository } from './export-data.repository.js';
import { toExportJobDto } from './export-job.mapper.js';
import { pseudonymiseFor } from './export-policy.js';
import { ExportRecorder } from './export-recorder.service.js';
import { ExportSourceService } from './export-source.service.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportProducer } from './queue/export.producer.js';
import { filterOf, type CohortConfig } from './use-cases/run-cohort-export.js';

export interface ExportDownload {
  stream: Readable;
  fileName: string;
  contentType: string;
  bytes: number;
}

/** POST /exports, GET /exports/{id}, GET /exports/{id}/download: queued cohort exports. */
@Injectable()
export class CohortExportService {
  constructor(
    private readonly db: DbContext,
    private readonly data: ExportDataRepository,
    private readonly exports: ExportsRepository,
    private readonly recorder: ExportRecorder,
    private readonly source: ExportSourceService,
    private readonly producer: ExportProducer,
    private readonly storage: ObjectStorage,
  ) {}

  async create(user: AuthUser, dto: CreateCohortExportDto): Promise<ExportJobDto> {
    const pseudonymised = pseudonymiseFor(user.role, dto.pseudonymise, true);
    const status = dto.status ?? 'completed';
    if (dto.format === 'bids' && status !== 'completed')
      throw new ValidationFailedError(
        'A BIDS export holds completed sessions only (status must be completed)',
      );
    if (dto.from && dto.to && dto.from > dto.to) throw new ValidationFailedError('from must not be after to');
    const codes = [...new Set((dto.patient_codes ?? []).map((c) => c.toUpperCase()))];
    const patients = await this.db.asUser(user, (trx) => this.data.patientsByCodes(trx, codes));
    const missing = codes.filter((c) => !patients.some((p) => p.patient_code === c));
    if (missing.length > 0)
      throw new NotFoundError('patient_not_found', `Patients not found: ${missing.join(', ')}`, { missing });
    const config: CohortConfig = {
      ...(codes.length ? { patient_codes: codes, patient_ids: patients.map((p) => p.id) } : {}),
      ...(dto.from ? { from: dto.from.toISOString() } : {}),
      ...(dto.to ? { to: dto.to.toISOString() } : {}),
      status,
    };
    const total = await this.source.count(user, filterOf(config));
    const { patient_ids: _ids, ...requested } = config;
    const row = await this.recorder.queued(
      user,
      {
        exported_by: user.id,
        exported_by_role: user.role,
        scope: 'cohort',
        export_format: dto.format,
        export_config: JSON.stringify(config),
        pseudonymised,
        status: 'queued',
        sessions_total: total,
        counts: '{}',
      },
      { scope: 'cohort', format: dto.format, pseudonymised, ...requested, sessions_total: total },
    );
    await this.producer.enqueue(row.id);
    return toExportJobDto(row);
  }

  async get(user: AuthUser, id: string): Promise<ExportJobDto> {
    return toExportJobDto(await this.visible(user, id));
  }

  async download(user: AuthUser, id: string): Promise<ExportDownload> {
    const row = await this.visible(user, id);
    if (row.scope !== 'cohort')
      throw new NotFoundError(
        'export_not_found',
        'Single-session and single-patient exports are answered at once and not stored',
      );
    if (row.status !== 'completed' || !row.artifact_path || !row.artifact_parts)
      throw new ConflictError('not_ready', `Export ${row.id} is ${row.status}: no download`, {
        status: row.status,
        error_code: row.error_code,
      });
    return {
      stream: readParts(this.storage, row.artifact_path, row.artifact_parts),
      fileName: row.file_name ?? `export-${row.id}.zip`,
      contentType: row.content_type ?? 'application/zip',
      bytes: Number(row.artifact_bytes ?? 0),
    };
  }

  private async visible(user: AuthUser, id: string) {
    const row = await this.db.asUser(user, (trx) => this.exports.find(trx, id));
    if (!row) throw new NotFoundError('export_not_found', `Export ${id} not found`);
    return row;
  }
}
