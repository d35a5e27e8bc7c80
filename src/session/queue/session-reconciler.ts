import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { JobQueue } from '../../infrastructure/queue/job-queue.js';
import { RECONCILER_NOTE, type ReconcilerRun } from '../../infrastructure/queue/queue.constants.js';
import { AppConfig } from '../../shared/config/app-config.js';
import { ProcessSession } from '../use-cases/process-session.js';
import type { SessionRow } from '../session.repository.js';
import { SessionProducer } from './session.producer.js';
import { processSessionJobId, type ProcessSessionPayload } from './session-queue.constants.js';

/**
 * A session younger than this (since its last change) is left alone: the API enqueues right
 * after its commit, and a job's final failure is written right after it; neither is a loss.
 */
const GRACE_MAX_MS = 5000;
const SHUTDOWN_WAIT_MS = 2000;

function payloadOf(s: Pick<SessionRow, 'id' | 'attempts' | 'result_version'>): ProcessSessionPayload {
  return { sessionId: s.id, run: s.attempts, expectedVersion: s.result_version };
}

/**
 * Finds sessions left `queued` or `processing` whose job the queue no longer has (Redis
 * restarted without persistence or was flushed, an enqueue failed while Redis was away) and
 * enqueues them again, at most JOB_ATTEMPTS times per job; one more loss fails the session as
 * `worker_lost`. A job that failed for good while its failure could not be written is marked
 * failed. Jobs whose lock expired are handed back by Bull's stalled check, which the reconciler
 * runs too. Running a job twice is harmless: the result transaction checks the version.
 *
 * Worker role only; started by SessionProcessor once its start-up re-enqueue is done, then every
 * RECONCILE_INTERVAL_MS, one process at a time (a lease in the queue).
 */
@Injectable()
export class SessionReconciler implements OnModuleDestroy {
  private readonly logger = new Logger(SessionReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly processing: ProcessSession,
    private readonly producer: SessionProducer,
  ) {}

  private get intervalMs(): number {
    return this.config.env.RECONCILE_INTERVAL_MS;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.tick();
  }

  /** Lets a pass in progress finish, but does not hold shutdown while the queue is unreachable. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((r) => (timer = setTimeout(r, SHUTDOWN_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private tick(): void {
    if (this.running) return;
    this.running = (async () => {
      // one reconciler per interval across the workers sharing the queue
      if (!(await this.queue.lease(RECONCILER_NOTE, Math.max(100, this.intervalMs - 100)))) return;
      await this.reconcile();
    })()
      .catch((error: unknown) => {
        this.logger.error({ msg: 'reconciliation failed', error: String(error) });
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  /**
   * A job that failed all its attempts because the database was unreachable starts over, counted
   * like a lost job: a long outage fails the session only once the budget is spent (and then
   * through the reconciler, when the database answers again).
   */
  async retryAfterOutage(payload: ProcessSessionPayload, error: Error): Promise<void> {
    const jobId = processSessionJobId(payload);
    const budget = this.config.env.JOB_ATTEMPTS;
    const recovery = await this.queue.countRecovery(jobId);
    const log = { sessionId: payload.sessionId, jobId, recovery, budget, error: error.message };
    if (recovery > budget) {
      this.logger.warn({ msg: 'database outage outlasted the retry budget; the job stays failed', ...log });
      return;
    }
    await this.producer.requeue({
      id: payload.sessionId,
      attempts: payload.run,
      result_version: payload.expectedVersion,
    });
    this.logger.warn({ msg: 're-enqueued a job that failed on a database outage', ...log });
  }

  /** One pass. `now` lets a test look past the grace period. */
  async reconcile(now = Date.now()): Promise<ReconcilerRun> {
    const started = performance.now();
    const grace = Math.min(GRACE_MAX_MS, this.intervalMs / 2);
    const budget = this.config.env.JOB_ATTEMPTS;
    const counts = { checked: 0, requeued: 0, failed: 0, stalled: 0 };
    await this.queue.recoverStalled();
    for (const session of await this.processing.unfinished()) {
      if (now - new Date(session.updated_at).getTime() < grace) continue;
      counts.checked++;
      const payload = payloadOf(session);
      const jobId = processSessionJobId(payload);
      const job = await this.queue.inspect(jobId);
      const log = { sessionId: session.id, sessionCode: session.session_code, jobId, jobState: job.state };
      if (job.stalled) counts.stalled++;
      if (job.state === 'waiting' || job.state === 'delayed' || job.state === 'active') continue;
      if (job.finishedAt !== undefined && now - job.finishedAt < grace) continue;
      if (job.state === 'failed') {
        // failed for good, but the failure never reached the session (e.g. the database was away)
        const code = job.failedCode ?? 'processing_failed';
        await this.processing.markFailed(payload, code, job.failedReason ?? 'The job failed');
        counts.failed++;
        this.logger.warn({ msg: 'marked failed: its job had failed for good', ...log, code });
        continue;
      }
      // missing, or completed without writing a result: lost
      const recovery = await this.queue.countRecovery(jobId);
      if (recovery > budget) {
        await this.processing.markFailed(
          payload,
          'worker_lost',
          `The job of this session was lost ${recovery} times (retry budget ${budget})`,
        );
        counts.failed++;
        this.logger.warn({
          msg: 'failed as worker_lost: its job was lost too often',
          ...log,
          recovery,
          budget,
        });
        continue;
      }
      await this.producer.requeue(session);
      counts.requeued++;
      this.logger.warn({ msg: 're-enqueued a session whose job was lost', ...log, recovery, budget });
    }
    const run: ReconcilerRun = {
      at: new Date().toISOString(),
      intervalMs: this.intervalMs,
      ...counts,
      durationMs: Math.round(performance.now() - started),
    };
    await this.queue.putNote(RECONCILER_NOTE, { ...run }, Math.max(10 * this.intervalMs, 3600_000));
    if (counts.requeued + counts.failed > 0) this.logger.log({ msg: 'reconciled sessions', ...run });
    return run;
  }
}
