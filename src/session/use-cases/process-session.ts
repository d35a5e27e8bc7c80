import { Injectable, Logger } from '@nestjs/common';
import { AnalysisCrashError, AnalysisInputError, AnalysisRunner } from '../../analysis/analysis-runner.js';
import { CacheService } from '../../infrastructure/cache/cache.service.js';
import { DbContext } from '../../infrastructure/database/db-context.js';
import { PermanentJobError } from '../../infrastructure/queue/job-queue.js';
import { ObjectStorage, StorageObjectNotFoundError } from '../../infrastructure/storage/object-storage.js';
import type { ProcessSessionPayload } from '../queue/session-queue.constants.js';
import { SessionResultsRepository } from '../session-results.repository.js';
import { toSessionResultRows } from '../session-results.mapper.js';
import { type SessionRow, SessionRepository } from '../session.repository.js';
import { ScoringConfigService } from '../../scoring-config/scoring-config.service.js';
import { objectPathOf } from '../storage-path.js';
import { sameSubjective, toSubjectiveInputs } from '../session-subjective.js';
import { scoreSession } from '../session-scoring.js';
import { withConfigTargets } from '../../scoring-config/config-targets.js';
import { AppConfig } from '../../shared/config/app-config.js';
import { sha256Hex } from '../../shared/hash/sha256.js';
import { CUT_OFF_READER_CODES } from '../session-quality.js';
import { MvcBaselineRepository } from '../../patient/mvc-baseline.repository.js';
import { resolveSessionProfile } from '../../patient/session-profile.js';

const REASON = 'session-processing';
export type ProgressReporter = (percent: number) => Promise<void>;

/** A job of a run that is no longer current, or a run whose result is already written. */
function isCurrent(row: SessionRow | undefined, job: ProcessSessionPayload): row is SessionRow {
  return (
    row !== undefined &&
    row.attempts === job.run &&
    row.result_version === job.expectedVersion &&
    row.processing_status !== 'completed'
  );
}

/**
 * The session job: storage -> hash check -> analysis (worker thread) -> scoring configuration ->
 * one transaction that locks the session row, replaces every derived row, bumps result_version
 * and marks the session completed. A job that runs twice (stalled and recovered, or replayed)
 * finds the version already bumped and writes nothing.
 */
@Injectable()
export class ProcessSession {
  private readonly logger = new Logger(ProcessSession.name);

  constructor(
    private readonly db: DbContext,
    private readonly sessions: SessionRepository,
    private readonly results: SessionResultsRepository,
    private readonly scoring: ScoringConfigService,
    private readonly storage: ObjectStorage,
    private readonly runner: AnalysisRunner,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
    private readonly baselines: MvcBaselineRepository,
  ) {}

  /** @returns false when the job was stale or already done. */
  async process(job: ProcessSessionPayload, progress: ProgressReporter): Promise<boolean> {
    const started = performance.now();
    const session = await this.sessions.findById(this.db.serviceReader(REASON), job.sessionId);
    if (!isCurrent(session, job)) return false;
    const stage = async (name: string, percent: number) => {
      await this.sessions.reportProgress(this.db.serviceWriter(REASON), job.sessionId, name, percent);
      await progress(percent);
    };

    await stage('downloading', 10);
    const bytes = await this.download(session);
    await stage('verifying', 20);
    const hash = sha256Hex(bytes);
    if (hash !== session.file_hash) {
      throw new PermanentJobError(
        `stored file hash ${hash} differs from the session's ${session.file_hash}`,
        'file_hash_mismatch',
      );
    }
    const { config: scoring, targets } = await this.db.asService(REASON, (trx) =>
      this.scoring.resolveForSession(trx, session.id),
    );
    // the session's profile (else the patient's default) and the patient's latest MVC calibration
    const choice = await resolveSessionProfile(this.baselines, this.db.serviceReader(REASON), session.id);
    await stage('analyzing', 30);
    const subjective = session.subjective ?? {};
    const report = await this.runner
      .analyze(bytes, {
        params: withConfigTargets(session.requested_analysis_params, targets),
        profile: choice.profile,
        calibratedMvc: choice.calibratedMvc,
        scoring,
        subjective: toSubjectiveInputs(subjective),
      })
      .then((o) => o.report)
      .catch((error: unknown) => {
        if (error instanceof AnalysisInputError || error instanceof AnalysisCrashError) {
          throw new PermanentJobError(error.message, error.code, { cause: error });
        }
        throw error;
      });
    this.applyTruncatedPolicy(session, report.metadata.file_warnings);
    await stage('saving', 90);
    const time = report.metadata.time;
    const written = await this.db.asService(REASON, async (trx) => {
      const locked = await this.sessions.lockById(trx, session.id);
      if (!isCurrent(locked, job)) return false;
      // RPE, BFR or game points entered while the job ran: score the session with them
      const latest = locked.subjective ?? {};
      const final = sameSubjective(latest, subjective)
        ? report
        : { ...report, performance_analysis: scoreSession(report.analytics, latest, scoring) };
      await this.results.replace(trx, session.id, toSessionResultRows(session.id, final, latest));
      await this.sessions.update(trx, session.id, {
        processing_status: 'completed',
        stage: 'completed',
        progress: 100,
        error_code: null,
        error_message: null,
        game_metadata: JSON.stringify(report.metadata),
        session_date: time ? `${time}Z` : null,
        processed_at: new Date(),
        processing_time_ms: performance.now() - started,
        result_version: locked.result_version + 1,
        scoring_config_id: final.performance_analysis.scoring_config_id,
        // what this run used; the request stays in requested_analysis_params
        analysis_params: JSON.stringify({
          processing_options: report.processing_options_used,
          session_params: locked.requested_analysis_params.session_params ?? {},
        }),
      });
      return true;
    });
    if (written) await this.cache.del(CacheService.sessionResultKey(session.id, session.result_version));
    return written;
  }

  /**
   * A cut-off recording (TRUNCATED_FILES): `reject` fails the session for good (truncated_file);
   * `score` keeps its result, which every response then marks `quality: "truncated"`.
   */
  private applyTruncatedPolicy(session: SessionRow, warnings: { code: string; message: string }[]): void {
    const cut = warnings.find((w) => CUT_OFF_READER_CODES.has(w.code));
    if (!cut) return;
    if (this.config.env.TRUNCATED_FILES === 'reject') {
      throw new PermanentJobError(
        `The recording was cut off (${cut.message}); TRUNCATED_FILES=reject refuses such files`,
        'truncated_file',
      );
    }
    this.logger.warn({ msg: 'scoring a cut-off recording', sessionId: session.id, warning: cut.message });
  }

  /** Marks the run failed (final failure), unless a newer run or a result superseded it. */
  async markFailed(job: ProcessSessionPayload, code: string, message: string): Promise<void> {
    await this.db.asService(REASON, async (trx) => {
      const locked = await this.sessions.lockById(trx, job.sessionId);
      if (!isCurrent(locked, job)) return;
      await this.sessions.update(trx, job.sessionId, {
        processing_status: 'failed',
        stage: 'failed',
        error_code: code,
        error_message: message.slice(0, 1000),
      });
    });
    this.logger.warn({ msg: 'session processing failed', sessionId: job.sessionId, code, message });
  }

  /** Sessions left queued or processing (in-process jobs die with the process). */
  unfinished(): Promise<SessionRow[]> {
    return this.sessions.unfinished(this.db.serviceReader(REASON));
  }

  private async download(session: SessionRow): Promise<Uint8Array> {
    try {
      return await this.storage.get(objectPathOf(session.file_path, this.storage.bucket));
    } catch (error) {
      if (error instanceof StorageObjectNotFoundError)
        throw new PermanentJobError(error.message, 'file_missing', { cause: error });
      throw error;
    }
  }
}
