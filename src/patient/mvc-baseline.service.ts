import { Injectable } from '@nestjs/common';
import { readC3d, C3dError } from '@app/c3d';
import { AnalysisError, calibrateMvcFromC3d, type MvcCalibration } from '@app/analysis';
import type { AuthUser } from '../auth/auth-user.js';
import { refusedByRls } from '../shared/database/db-errors.js';
import { sha256Hex } from '../shared/hash/sha256.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { ObjectStorage, StorageObjectNotFoundError } from '../infrastructure/storage/object-storage.js';
import { NotFoundError, UnprocessableError, ValidationFailedError } from '../shared/errors/app-error.js';
import { objectPathOf } from '../session/storage-path.js';
import { assertC3dUpload, type UploadedC3d } from '../analysis/uploaded-c3d.js';
import {
  MVC_WINDOW_DEFAULT_MS,
  toMvcBaselineDto,
  type MvcBaselineDto,
  type MvcBaselineHistoryDto,
  type MvcBaselineRequestDto,
} from './dto/mvc-baseline.dto.js';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { PatientRow } from './dto/patient.dto.js';
import { MvcBaselineRepository } from './mvc-baseline.repository.js';
import { PatientRepository } from './patient.repository.js';

const HISTORY_LIMIT = 100;

interface BaselineSource {
  source: 'file' | 'session';
  source_file_name: string | null;
  source_file_hash: string | null;
  source_session_id: string | null;
  session_code: string | null;
}

/**
 * MVC calibration of a patient: from a dedicated MVC trial file or from one of the patient's
 * stored sessions, stored as a new baseline (history kept). The patient's therapist or an admin
 * (RLS); anyone else finds no such patient.
 */
@Injectable()
export class MvcBaselineService {
  constructor(
    private readonly db: DbContext,
    private readonly repo: MvcBaselineRepository,
    private readonly patients: PatientRepository,
    private readonly storage: ObjectStorage,
  ) {}

  async calibrate(
    user: AuthUser,
    patientCode: string,
    file: UploadedC3d | undefined,
    body: MvcBaselineRequestDto,
  ): Promise<MvcBaselineDto> {
    const windowMs = body.window_ms ?? MVC_WINDOW_DEFAULT_MS;
    if (file && body.session_code)
      throw new ValidationFailedError(
        'Give either a `file` or a `session_code`, not both',
        undefined,
        'mvc_source_ambiguous',
      );
    if (!file && !body.session_code)
      throw new ValidationFailedError(
        'A multipart `file` (MVC trial) or a `session_code` is required',
        undefined,
        'file_missing',
      );
    // the signal work runs outside any transaction: lookups, then calibration, then the insert
    let cal: MvcCalibration;
    let source: BaselineSource;
    if (file) {
      const bytes = assertC3dUpload(file);
      cal = calibrate(bytes, windowMs);
      source = {
        source: 'file',
        source_file_name: file.originalname.slice(0, 255),
        source_file_hash: sha256Hex(bytes),
        source_session_id: null,
        session_code: null,
      };
    } else {
      const session = await this.db.asUser(user, async (t) => {
        const patient = await this.patient(t, patientCode);
        const found = await this.repo.findSession(t, body.session_code!);
        if (!found || found.patient_id !== patient.id)
          throw new NotFoundError(
            'session_not_found',
            `Session ${body.session_code} of patient ${patientCode} not found`,
          );
        return found;
      });
      cal = calibrate(await this.download(session.file_path), windowMs);
      source = {
        source: 'session',
        source_file_name: session.file_path.split('/').pop() ?? null,
        source_file_hash: session.file_hash,
        source_session_id: session.id,
        session_code: session.session_code,
      };
    }
    return this.db.asUser(user, async (t) => {
      return this.store(t, await this.patient(t, patientCode), cal, source);
    });
  }

  history(user: AuthUser, patientCode: string): Promise<MvcBaselineHistoryDto> {
    return this.db.asUser(user, async (t) => {
      const patient = await this.patient(t, patientCode);
      const rows = await this.repo.history(t, patient.id, HISTORY_LIMIT);
      const history = rows.map((r) => toMvcBaselineDto(r, patient.patient_code, r.source_session_code));
      return { patient_code: patient.patient_code, current: history[0] ?? null, history };
    });
  }

  private async patient(trx: Tx, patientCode: string): Promise<PatientRow> {
    const p = await this.patients.findByCode(trx, patientCode);
    if (!p) throw new NotFoundError('patient_not_found', `Patient ${patientCode} not found`);
    return p;
  }

  private async store(
    trx: Tx,
    patient: PatientRow,
    cal: MvcCalibration,
    src: BaselineSource,
  ): Promise<MvcBaselineDto> {
    const { session_code: sessionCode, ...source } = src;
    const row = await refusedByRls(
      () =>
        this.repo.insert(trx, {
          patient_id: patient.id,
          mvc_values: JSON.stringify(cal.values),
          windows: JSON.stringify(cal.windows),
          window_ms: cal.window_ms,
          ...source,
        }),
      'patient_write_forbidden',
      'You may not calibrate this patient',
    );
    return toMvcBaselineDto(row, patient.patient_code, sessionCode);
  }

  private async download(filePath: string): Promise<Uint8Array> {
    try {
      return await this.storage.get(objectPathOf(filePath, this.storage.bucket));
    } catch (error) {
      if (error instanceof StorageObjectNotFoundError)
        throw new UnprocessableError('file_missing', "The session's file is no longer in storage");
      throw error;
    }
  }
}

/** Reader and analysis errors are the caller's file: 422 with their code. */
function calibrate(bytes: Uint8Array, windowMs: number): MvcCalibration {
  try {
    return calibrateMvcFromC3d(readC3d(bytes), windowMs);
  } catch (e) {
    if (e instanceof C3dError || e instanceof AnalysisError) throw new UnprocessableError(e.code, e.message);
    throw e;
  }
}
