import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { OutageLog } from '../outage-log.js';
import {
  type EnqueueOptions,
  type FailureListener,
  type JobHandler,
  type JobInfo,
  JobQueue,
  PermanentJobError,
  type QueueCounts,
  QueueUnavailableError,
} from './job-queue.js';

/** The error Bull raises for a job that stalled more than its maxStalledCount (bull/lib/queue.js). */
export const BULL_STALLED_LIMIT_MESSAGE = 'job stalled more than allowable limit';

/**
 * Longest wait for Redis when adding a job. While Redis is away ioredis holds commands in its
 * offline queue through up to 20 reconnection attempts (tens of seconds): a request must not.
 */
export const ENQUEUE_TIMEOUT_MS = 3000;
const RECOVERY_COUNT_TTL_MS = 7 * 24 * 3600 * 1000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

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
    // Bull re-emits every Redis client error on the queue (and has a no-op listener so that they
    // do not end the process); they are logged here, once per outage.
    const outage = new OutageLog(new Logger('JobQueue'), 'Redis (job queue)');
    queue.on('error', (error: Error) => outage.error(error));
    queue.client.on('ready', () => outage.recovered());
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
    // An add that times out may still land later: with a job id that is harmless (deduplicated).
    const job = await withTimeout(
      this.queue.add(name, data, {
        jobId: options.jobId,
        attempts: options.attempts ?? this.defaults.attempts,
        backoff: { type: 'exponential', delay: options.backoffMs ?? this.defaults.backoffMs },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      }),
      ENQUEUE_TIMEOUT_MS,
      'Redis (adding a job)',
    ).catch((error: unknown) => {
      throw new QueueUnavailableError(
        `The job queue is unavailable: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    });
    return String(job.id);
  }

  process<T>(name: string, concurrency: number, handler: JobHandler<T>): void {
    const started = this.queue.process(name, concurrency, async (job: Job<T>) => {
      try {
        await handler({
          id: String(job.id),
          name: job.name,
          data: job.data,
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
          // Progress is for display (the session row has its own): a Redis outage must not fail
          // a job whose real work only needs the database.
          progress: (p) =>
            job.progress(p).then(
              () => undefined,
              () => undefined,
            ),
        });
      } catch (error) {
        if (error instanceof PermanentJobError) await job.discard();
        throw error;
      }
    });
    // Bull starts its worker once Redis answers; should that fail, say so rather than leave an
    // unhandled rejection (which ends the process)
    started.catch((error: unknown) =>
      new Logger('JobQueue').error({ msg: 'could not start processing jobs', name, error: String(error) }),
    );
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

  async inspect(jobId: string): Promise<JobInfo> {
    const job = await this.queue.getJob(jobId);
    if (!job) return { state: 'missing', stalled: false };
    const state = await job.getState();
    const finished = {
      finishedAt: job.finishedOn ?? undefined,
      failedReason: job.failedReason,
      failedCode: job.failedReason === BULL_STALLED_LIMIT_MESSAGE ? 'worker_lost' : undefined,
    };
    switch (state) {
      case 'active':
        return { state, stalled: (await this.queue.client.exists(job.lockKey())) === 0 };
      case 'waiting':
      case 'paused':
        return { state: 'waiting', stalled: false };
      case 'delayed':
        return { state, stalled: false };
      case 'completed':
      case 'failed':
        return { state, stalled: false, ...finished };
      default:
        // 'stuck': the job's hash is there but it is in no list, so no worker will ever take it
        return { state: 'missing', stalled: false };
    }
  }

  async requeue<T>(name: string, data: T, options: EnqueueOptions & { jobId: string }): Promise<string> {
    const leftover = await this.queue.getJob(options.jobId);
    // Bull's add is a no-op while a job's hash exists under the id, whatever its state.
    if (leftover && !['waiting', 'paused', 'delayed', 'active'].includes(await leftover.getState()))
      await leftover.remove();
    return this.add(name, data, options);
  }

  async countRecovery(jobId: string): Promise<number> {
    const key = this.queue.toKey(`recovered:${jobId}`);
    const [[, n]] = (await this.queue.client
      .multi()
      .incr(key)
      .pexpire(key, RECOVERY_COUNT_TTL_MS)
      .exec()) as [[Error | null, number], unknown];
    return Number(n);
  }

  async recoverStalled(): Promise<void> {
    // Bull's own stalled check (throttled by it across processes to one per stalledInterval):
    // it re-queues or, past maxStalledCount, fails the jobs whose lock expired.
    await (this.queue as Queue & { moveUnlockedJobsToWait(): Promise<unknown> }).moveUnlockedJobsToWait();
  }

  async lease(name: string, ttlMs: number): Promise<boolean> {
    const key = this.queue.toKey(`lease:${name}`);
    return (await this.queue.client.set(key, randomUUID(), 'PX', ttlMs, 'NX')) === 'OK';
  }

  async putNote(name: string, value: Record<string, unknown>, ttlMs: number): Promise<void> {
    await this.queue.client.set(this.queue.toKey(`note:${name}`), JSON.stringify(value), 'PX', ttlMs);
  }

  async readNote(name: string): Promise<Record<string, unknown> | null> {
    const raw = await this.queue.client.get(this.queue.toKey(`note:${name}`));
    return raw === null ? null : (JSON.parse(raw) as Record<string, unknown>);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
