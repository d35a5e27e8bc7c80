import { rescore, type AnalysisReport, type ChannelAnalyticsReport } from '@app/analysis';
import { Injectable } from '@nestjs/common';
import { toAnalysisParams } from '../analysis/dto/analysis-params.dto.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CACHE_TTL, CacheService } from '../infrastructure/cache/cache.service.js';
import { DbContext, type Tx } from '../infrastructure/database/db-context.js';
import { ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { AppConfig } from '../shared/config/app-config.js';
import { isUniqueViolation } from '../shared/database/db-errors.js';
import { sha256Hex } from '../shared/hash/sha256.js';
import { removeStreamedUpload, type StreamedUpload } from '../shared/http/streamed-upload-storage.js';
import { ConflictError, NotFoundError } from '../shared/errors/app-error.js';
import { type Page, pageRequest, toKeysetPage } from '../shared/pagination/page.dto.js';
import type {
  CreateSessionFormDto,
  ListSessionsQueryDto,
  ReprocessSessionDto,
  SubjectiveDto,
} from './dto/session-request.dto.js';
import type {
  SessionAcceptedDto,
  SessionDetailDto,
  SessionStatusDto,
  SessionSummaryDto,
} from './dto/session-response.dto.js';
import { SessionProducer } from './queue/session.producer.js';
import { pickSubjective, toSubjectiveInputs, type NewSessionInput } from './session-creation.js';
import { scoreRows } from './session-results.mapper.js';
import { SessionResultsRepository } from './session-results.repository.js';
import type { SessionRow } from './session-row.types.js';
import {
  toSessionDetailDto,
  toSessionStatusDto,
  toSessionSummaryDto,
  toWebhookStatusDto,
} from './session.mapper.js';
import type { WebhookStatusDto } from '../webhook/dto/storage-event.dto.js';
import { type PatientRef, SessionRepository } from './session.repository.js';
import { ScoringConfigService } from '../scoring-config/scoring-config.service.js';
import { objectPathOf, storedFilePath, uploadObjectPath } from './storage-path.js';
import { assertStreamedC3d, checkC3dHead } from './session-upload.js';

type Runner = <T>(work: (trx: Tx) => Promise<T>) => Promise<T>;

/**
 * Therapy sessions as the caller may see them (every user path runs under RLS via asUser; the
 * storage webhook uses a named service context). Creating a session stores the file, inserts
 * the row and enqueues the job; the same file for the same patient returns the existing session.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DbContext,
    private readonly sessions: SessionRepository,
    private readonly results: SessionResultsRepository,
    private readonly scoring: ScoringConfigService,
    private readonly storage: ObjectStorage,
    private readonly producer: SessionProducer,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The upload arrived streamed to a temporary file (hashed on the way, its start kept): checked
   * from its start, copied into storage from disk, and the temporary file removed whatever happens.
   */
  async createFromUpload(
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
    const patient = await this.db.asService('storage-webhook', (trx) =>
      this.sessions.findPatient(trx, patientCode),
    );
    if (!patient) throw new NotFoundError('patient_not_found', `Patient ${patientCode} not found`);
  }

  /** The storage webhook's path: the file is already in storage under objectPath. */
  async createFromStorage(
    patientCode: string,
    objectPath: string,
    bytes: Uint8Array,
  ): Promise<SessionAcceptedDto> {
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
    return this.create((work) => this.db.asService('storage-webhook', work), input, null);
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
        const patient = await this.sessions.findPatient(trx, input.patientCode);
        if (!patient) throw new NotFoundError('patient_not_found', `Patient ${input.patientCode} not found`);
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
          analysis_params: JSON.stringify(input.params),
          subjective: JSON.stringify(input.subjective),
          source: input.source,
          processing_profile: input.profile ?? null,
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent upload of the same file won the race: answer with its session.
      existing = await run(async (trx) => {
        const patient = await this.sessions.findPatient(trx, input.patientCode);
        return patient ? this.sessions.findByPatientHash(trx, patient.id, input.fileHash) : undefined;
      });
      if (!existing) throw error;
    }
    if (existing)
      return {
        id: existing.id,
        session_code: existing.session_code,
        status: existing.processing_status,
        duplicate: true,
      };
    await this.producer.enqueue(created!);
    return {
      id: created!.id,
      session_code: created!.session_code,
      status: created!.processing_status,
      duplicate: false,
    };
  }

  /** "P001/<original name>", numbered when another session of the patient has that name. */
  private async freeUploadPath(trx: Tx, patient: PatientRef, originalName: string): Promise<string> {
    const paths = await this.sessions.filePathsOf(trx, patient.id);
    const taken = new Set(paths.map((p) => objectPathOf(p, this.storage.bucket)));
    return uploadObjectPath(patient.patient_code, originalName, taken);
  }

  list(user: AuthUser, query: ListSessionsQueryDto): Promise<Page<SessionSummaryDto>> {
    const page = pageRequest(query);
    return this.db.asUser(user, async (trx) => {
      const rows = await this.sessions.list(
        trx,
        {
          patientCode: query.patient_code,
          ownPatientsOf: user.role === 'therapist' ? user.id : undefined,
          status: query.status,
          from: query.from,
          to: query.to,
        },
        page,
      );
      return toKeysetPage(rows, toSessionSummaryDto, query);
    });
  }

  get(user: AuthUser, sessionCode: string): Promise<SessionDetailDto> {
    return this.db.asUser(user, async (trx) => {
      const row = await this.findVisible(trx, sessionCode);
      const load = async () =>
        toSessionDetailDto(
          row,
          await this.sessions.patientCodeOf(trx, row.patient_id),
          await this.results.read(trx, row.id),
        );
      // Only finished results are cached: their key changes with every new result version.
      const detail =
        row.processing_status !== 'completed'
          ? await load()
          : await this.cache.getOrSet(
              CacheService.sessionResultKey(row.id, row.result_version),
              CACHE_TTL.sessionResult,
              load,
            );
      if (user.role === 'researcher') return pseudonymised(detail);
      return withPlayerName(detail, await this.sessions.playerNameOf(trx, row.id));
    });
  }

  status(user: AuthUser, sessionCode: string): Promise<SessionStatusDto> {
    return this.db.asUser(user, async (trx) => toSessionStatusDto(await this.findVisible(trx, sessionCode)));
  }

  /** The original's webhook status shape, with processed_at and the error filled. */
  webhookStatus(user: AuthUser, sessionCode: string): Promise<WebhookStatusDto> {
    return this.db.asUser(user, async (trx) => toWebhookStatusDto(await this.findVisible(trx, sessionCode)));
  }

  async reprocess(user: AuthUser, sessionCode: string, dto: ReprocessSessionDto): Promise<SessionStatusDto> {
    const row = await this.db.asUser(user, async (trx) => {
      const current = await this.findVisible(trx, sessionCode);
      if (current.processing_status === 'queued' || current.processing_status === 'processing') {
        throw new ConflictError(
          'session_busy',
          `Session ${current.session_code} is ${current.processing_status}`,
        );
      }
      const configPatch = await this.configChoice(trx, current, dto.scoring_config_id);
      const given = toAnalysisParams(dto);
      const params = {
        processing_options: { ...current.analysis_params?.processing_options, ...given.processing_options },
        session_params: { ...current.analysis_params?.session_params, ...given.session_params },
      };
      return (await this.sessions.update(trx, current.id, {
        processing_status: 'queued',
        stage: 'queued',
        progress: 0,
        error_code: null,
        error_message: null,
        attempts: current.attempts + 1,
        analysis_params: JSON.stringify(params),
        ...configPatch,
        ...(dto.profile === undefined ? {} : { processing_profile: dto.profile }),
      }))!;
    });
    await this.producer.enqueue(row);
    return toSessionStatusDto(row);
  }

  /**
   * The scoring configuration a reprocess asks for: absent keeps the session's; null lets the
   * job resolve it again; an id must be global or belong to the patient's therapist (therapist-
   * wide, or this patient's own).
   */
  private async configChoice(
    trx: Tx,
    session: SessionRow,
    requested: string | null | undefined,
  ): Promise<{ scoring_config_id?: string | null }> {
    if (requested === undefined) return {};
    if (requested === null) return { scoring_config_id: null };
    const patient = await this.sessions.patientOf(trx, session.patient_id);
    // the patient row is visible: the session is (RLS follows the patient)
    await this.scoring.assertAppliesToPatient(trx, requested, patient!);
    return { scoring_config_id: requested };
  }

  /** Stores subjective data and, for a completed session, rescores it from the stored counts. */
  async updateSubjective(user: AuthUser, sessionCode: string, dto: SubjectiveDto): Promise<SessionDetailDto> {
    const previous = await this.db.asUser(user, async (trx) => {
      // locked: two concurrent updates merge their fields instead of one overwriting the other
      const current = await this.sessions.lockByCode(trx, sessionCode);
      if (!current)
        throw new NotFoundError('session_not_found', `Session ${sessionCode.toUpperCase()} not found`);
      const subjective = { ...current.subjective, ...pickSubjective(dto) };
      const patch: Parameters<SessionRepository['update']>[2] = { subjective: JSON.stringify(subjective) };
      if (current.processing_status === 'completed') {
        const { statistics } = await this.results.read(trx, current.id);
        const analytics = Object.fromEntries(
          statistics.map((s) => [s.channel_name, s.analytics as unknown as ChannelAnalyticsReport]),
        );
        const { config } = await this.scoring.resolveForSession(trx, current.id);
        const { performance_analysis: pa } = rescore(
          { analytics } as AnalysisReport,
          toSubjectiveInputs(subjective),
          config,
        );
        patch.result_version = current.result_version + 1;
        // Scores are written by the service only (RLS): after the caller's own write of the session.
        await this.sessions.update(trx, current.id, patch);
        await this.db.serviceStep(trx, 'session-rescore', (step) =>
          this.results.replaceScores(step, current.id, scoreRows(current.id, pa, subjective)),
        );
        return current;
      }
      await this.sessions.update(trx, current.id, patch);
      return current;
    });
    await this.cache.del(CacheService.sessionResultKey(previous.id, previous.result_version));
    return this.get(user, sessionCode);
  }

  private async findVisible(trx: Tx, sessionCode: string): Promise<SessionRow> {
    const row = await this.sessions.findByCode(trx, sessionCode);
    if (!row) throw new NotFoundError('session_not_found', `Session ${sessionCode.toUpperCase()} not found`);
    return row;
  }
}

/**
 * Researchers see pseudonymised data only: the game writes the player's name into the file
 * (SUBJECTS:PLAYER_NAME), and a clinic may type the patient's real name there.
 */
function pseudonymised(detail: SessionDetailDto): SessionDetailDto {
  const { player_name: _name, ...metadata } = detail.game_metadata;
  return { ...detail, game_metadata: metadata };
}

/**
 * The database keeps the player's name apart from game_metadata (therapy_session_players, which
 * researchers cannot read); the caller allowed to see it gets it back where the file had it.
 */
function withPlayerName(detail: SessionDetailDto, player: { player_name: string | null } | undefined) {
  return player
    ? { ...detail, game_metadata: { ...detail.game_metadata, player_name: player.player_name } }
    : detail;
}
