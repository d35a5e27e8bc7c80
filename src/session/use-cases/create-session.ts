import type { AnalysisParams } from '@app/analysis';
import { Injectable } from '@nestjs/common';
import { toAnalysisParams } from '../../analysis/dto/analysis-params.dto.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { DbContext, type Tx } from '../../infrastructure/database/db-context.js';
import { ObjectStorage } from '../../infrastructure/storage/object-storage.js';
import { PatientRepository } from '../../patient/patient.repository.js';
import { AppConfig } from '../../shared/config/app-config.js';
import { isUniqueViolation } from '../../shared/database/db-errors.js';
import { NotFoundError } from '../../shared/errors/app-error.js';
import { sha256Hex } from '../../shared/hash/sha256.js';
import { namedTexts, namedTextsColumn } from '../../shared/validation/maps.js';
import { removeStreamedUpload, type StreamedUpload } from '../../shared/http/streamed-upload-storage.js';
import type { CreateSessionFormDto } from '../dto/session-request.dto.js';
import type { SessionAcceptedDto } from '../dto/session-response.dto.js';
import { SessionProducer } from '../queue/session.producer.js';
import type { ChannelMuscles, SubjectiveData } from '../../infrastructure/database/database.types.js';
import { pickSubjective } from '../session-subjective.js';
import { assertStreamedC3d, checkC3dHead } from '../session-upload.js';
import { type SessionRow, SessionRepository } from '../session.repository.js';
import { objectPathOf, storedFilePath, uploadObjectPath } from '../storage-path.js';

type Runner = <T>(work: (trx: Tx) => Promise<T>) => Promise<T>;

/** What creating a session needs, whichever door the file came through. */
interface NewSessionInput {
  patientCode: string;
  fileHash: string;
  sizeBytes: number;
  params: AnalysisParams;
  subjective: SubjectiveData;
  /** Channel name -> muscle, when the upload named any; else the patient's mapping is kept. */
  muscles?: ChannelMuscles | null;
  source: 'upload' | 'webhook';
  /** Object path when the file is already in storage (webhook); otherwise built from the codes. */
  objectPath?: string;
  originalName: string;
  /** Requested processing profile; null = the patient's default at processing time. */
  profile?: string | null;
}

const WEBHOOK = 'storage-webhook';

/**
 * A new session from a C3D file: stores the file, inserts the row and enqueues the job. The same
 * file for the same patient answers with the existing session (duplicate). An upload runs under
 * the caller's RLS; the storage webhook uses a named service context.
 */
@Injectable()
export class CreateSession {
  constructor(
    private readonly db: DbContext,
    private readonly sessions: SessionRepository,
    private readonly patients: PatientRepository,
    private readonly storage: ObjectStorage,
    private readonly producer: SessionProducer,
    private readonly config: AppConfig,
  ) {}

  /**
   * The upload arrived streamed to a temporary file (hashed on the way, its start kept): checked
   * from its start, copied into storage from disk, and the temporary file removed whatever happens.
   */
  async fromUpload(
    user: AuthUser,
    file: StreamedUpload | undefined,
    form: CreateSessionFormDto,
  ): Promise<SessionAcceptedDto> {
    try {
      assertStreamedC3d(file);
      checkC3dHead(file.head, file.size, this.config.env.TRUNCATED_FILES);
      const input: NewSessionInput = {
        patientCode: form.patient_code,
        fileHash: file.sha256,
        sizeBytes: file.size,
        params: toAnalysisParams(form),
        subjective: pickSubjective(form),
        muscles: namedTexts(form.channel_muscle_mapping),
        source: 'upload',
        originalName: file.originalname,
        profile: form.profile ?? null,
      };
      return await this.create(
        (work) => this.db.asUser(user, work),
        input,
        (objectPath) => this.storage.putFile(objectPath, file.path, 'application/octet-stream'),
      );
    } finally {
      await removeStreamedUpload(file);
    }
  }

  /** The webhook checks the patient before it downloads anything. */
  async assertPatientExists(patientCode: string): Promise<void> {
    const patient = await this.db.asService(WEBHOOK, (trx) => this.findPatient(trx, patientCode));
    if (!patient) throw patientNotFound(patientCode);
  }

  /** The storage webhook's path: the file is already in storage under objectPath. */
  async fromStorage(patientCode: string, objectPath: string, bytes: Uint8Array): Promise<SessionAcceptedDto> {
    // the same check as an upload: a file the reader refuses gets a 422, not a session
    checkC3dHead(bytes, bytes.length, this.config.env.TRUNCATED_FILES);
    const input: NewSessionInput = {
      patientCode,
      fileHash: sha256Hex(bytes),
      sizeBytes: bytes.length,
      params: {},
      subjective: {},
      source: 'webhook',
      objectPath,
      originalName: objectPath,
    };
    return this.create((work) => this.db.asService(WEBHOOK, work), input, null);
  }

  private async create(
    run: Runner,
    input: NewSessionInput,
    /** Puts the file at its object path; null when it is in storage already (webhook). */
    store: ((objectPath: string) => Promise<void>) | null,
  ): Promise<SessionAcceptedDto> {
    let created: SessionRow | undefined;
    let existing: SessionRow | undefined;
    try {
      await run(async (trx) => {
        const patient = await this.findPatient(trx, input.patientCode);
        if (!patient) throw patientNotFound(input.patientCode);
        existing = await this.sessions.findByPatientHash(trx, patient.id, input.fileHash);
        if (existing) return;
        const sessionCode = await this.sessions.nextSessionCode(trx, patient.id);
        // After nextSessionCode: its lock on the patient row makes concurrent uploads of one
        // file name pick different paths.
        const objectPath = input.objectPath ?? (await this.freeUploadPath(trx, patient, input.originalName));
        // Stored before commit: a failed insert leaves at most an orphan file, never a session without one.
        if (store) await store(objectPath);
        created = await this.sessions.insert(trx, {
          session_code: sessionCode,
          patient_id: patient.id,
          file_path: storedFilePath(this.storage.bucket, objectPath),
          file_hash: input.fileHash,
          file_size_bytes: input.sizeBytes,
          processing_status: 'queued',
          stage: 'queued',
          attempts: 1,
          game_metadata: '{}',
          session_date: null,
          processed_at: null,
          processing_time_ms: null,
          requested_analysis_params: JSON.stringify(input.params),
          subjective: JSON.stringify(input.subjective),
          // the upload's mapping, else the patient's as it is now (a later change leaves this session as it is)
          channel_muscle_mapping: namedTextsColumn(input.muscles ?? patient.channel_muscle_mapping),
          source: input.source,
          processing_profile: input.profile ?? null,
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent upload of the same file won the race: answer with its session.
      existing = await run(async (trx) => {
        const patient = await this.findPatient(trx, input.patientCode);
        return patient ? this.sessions.findByPatientHash(trx, patient.id, input.fileHash) : undefined;
      });
      if (!existing) throw error;
    }
    if (existing) return accepted(existing, true);
    await this.producer.enqueue(created!);
    return accepted(created!, false);
  }

  private findPatient(trx: Tx, patientCode: string) {
    return this.patients.findByCode(trx, patientCode.toUpperCase());
  }

  /** "P001/<original name>", numbered when another session of the patient has that name. */
  private async freeUploadPath(
    trx: Tx,
    patient: { id: string; patient_code: string },
    originalName: string,
  ): Promise<string> {
    const paths = await this.sessions.filePathsOf(trx, patient.id);
    const taken = new Set(paths.map((p) => objectPathOf(p, this.storage.bucket)));
    return uploadObjectPath(patient.patient_code, originalName, taken);
  }
}

function accepted(row: SessionRow, duplicate: boolean): SessionAcceptedDto {
  return { id: row.id, session_code: row.session_code, status: row.processing_status, duplicate };
}

function patientNotFound(patientCode: string): NotFoundError {
  return new NotFoundError('patient_not_found', `Patient ${patientCode} not found`);
}
