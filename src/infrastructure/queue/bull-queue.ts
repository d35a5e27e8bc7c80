import type { Job, Queue } from 'bull';
import {
  type EnqueueOptions,
  type FailureListener,
  type JobHandler,
  JobQueue,
  PermanentJobError,
  type QueueCounts,
} from './job-queue.js';

/** The error Bull raises for a job that stalled more than its maxStalledCount (bull/lib/queue.js). */
export const BULL_STALLED_LIMIT_MESSAGE = 'job stalled more than allowable limit';

/**
 * Bull over Redis. Jobs survive process death: a job whose worker dies keeps its lock until
 * it expires, then Bull's stalled-job check hands it to another worker.
 */
export class BullJobQueue extends JobQueue {
  readonly kind = 'bull' as const;
  private readonly failureListeners: FailureListener[] = [];

  constructor(
    private readonly queue: Queue,
    private readonly defaults: { attempts: number; backoffMs: number },
  ) {
    super();
    queue.on('failed', (job: Job | null, error: Error) => {
      if (!job) return;
      // Bull fails a job whose worker died more than maxStalledCount times without counting an
      // attempt; it is final all the same (the job is in the failed set and never runs again).
      const stalledOut = error.message === BULL_STALLED_LIMIT_MESSAGE;
      const final =
        stalledOut || job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof PermanentJobError;
      if (!final) return;
      const reported = stalledOut
        ? new PermanentJobError(
            'The worker processing this job stopped (crash or out of memory) too many times',
            'worker_lost',
            { cause: error },
          )
        : error;
      for (const listener of this.failureListeners)
        listener({ id: String(job.id), name: job.name, data: job.data }, reported);
    });
  }

  async add<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    const job = await this.queue.add(name, data, {
      jobId: options.jobId,
      attempts: options.attempts ?? this.defaults.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs ?? this.defaults.backoffMs },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    });
    return String(job.id);
  }

  process<T>(name: string, concurrency: number, handler: JobHandler<T>): void {
    void this.queue.process(name, concurrency, async (job: Job<T>) => {
      try {
        await handler({
          id: String(job.id),
          name: job.name,
          data: job.data,
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
          progress: (p) => job.progress(p),
        });
      } catch (error) {
        if (error instanceof PermanentJobError) await job.discard();
        throw error;
      }
    });
  }

  onFinalFailure(listener: FailureListener): void {
    this.failureListeners.push(listener);
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts();
    return {
      waiting: c.waiting,
      active: c.active,
      delayed: c.delayed,
      failed: c.failed,
      completed: c.completed,
    };
  }

  async ping(): Promise<void> {
    await this.queue.client.ping();
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
