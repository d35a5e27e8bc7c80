import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { JobQueue, PermanentJobError, type JobContext } from '../../infrastructure/queue/job-queue.js';
import { AppConfig } from '../../shared/config/app-config.js';
import { fromDatabaseError } from '../../shared/errors/database-errors.js';
import { ProcessSession } from '../use-cases/process-session.js';
import { SessionReconciler } from './session-reconciler.js';
import { SessionProducer } from './session.producer.js';
import { PROCESS_SESSION_JOB, type ProcessSessionPayload } from './session-queue.constants.js';

/**
 * Thin: registers the session job in the worker role and delegates to ProcessSession.
 * Bad input is a PermanentJobError (failed at once with the reader's code); anything else is
 * retried with backoff (a lost database connection included). On start it re-enqueues sessions
 * left unfinished (job ids dedupe), then starts the reconciler that keeps doing so for jobs the
 * queue loses later.
 */
@Injectable()
export class SessionProcessor implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SessionProcessor.name);
  private shuttingDown = false;

  constructor(
    private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly processing: ProcessSession,
    private readonly producer: SessionProducer,
    private readonly reconciler: SessionReconciler,
  ) {}

  onModuleInit(): void {
    if (!this.config.runsWorkers) return;
    this.queue.onFinalFailure((job, error) => {
      if (job.name !== PROCESS_SESSION_JOB) return;
      // A job cut short by shutdown stays unfinished: the next start re-enqueues it.
      if (this.shuttingDown && !(error instanceof PermanentJobError)) return;
      // The database was away for all the attempts: not the session's fault, and the failure could
      // not be written anyway. The job starts over (within the reconciler's budget).
      if (fromDatabaseError(error)?.code === 'database_unavailable') {
        this.reconciler.retryAfterOutage(job.data as ProcessSessionPayload, error).catch((e: unknown) => {
          this.logger.error({
            msg: 'could not retry a job after a database outage',
            jobId: job.id,
            error: String(e),
          });
        });
        return;
      }
      const code = error instanceof PermanentJobError ? error.code : 'processing_failed';
      this.processing
        .markFailed(job.data as ProcessSessionPayload, code, error.message)
        .catch((e: unknown) => {
          this.logger.error({ msg: 'could not mark session failed', jobId: job.id, error: String(e) });
        });
    });
    this.queue.process<ProcessSessionPayload>(PROCESS_SESSION_JOB, this.config.env.QUEUE_CONCURRENCY, (job) =>
      this.handle(job),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsWorkers) return;
    try {
      const unfinished = await this.processing.unfinished();
      let count = 0;
      // the queue unreachable (each try waits for it): the reconciler takes the rest
      for (const session of unfinished) {
        if (!(await this.producer.enqueue(session))) break;
        count++;
      }
      if (unfinished.length > 0)
        this.logger.log({ msg: 're-enqueued unfinished sessions', count, unfinished: unfinished.length });
    } catch (error) {
      this.logger.error({ msg: 'could not re-enqueue unfinished sessions', error: String(error) });
    }
    this.reconciler.start();
  }

  /** Runs before the queue drains (beforeApplicationShutdown). */
  onModuleDestroy(): void {
    this.shuttingDown = true;
  }

  private async handle(job: JobContext<ProcessSessionPayload>): Promise<void> {
    const written = await this.processing.process(job.data, (p) => job.progress(p));
    if (!written) this.logger.debug?.({ msg: 'stale or duplicate session job skipped', jobId: job.id });
  }
}
