import { randomUUID } from 'node:crypto';
import {
  backoffDelay,
  type EnqueueOptions,
  type FailureListener,
  type JobHandler,
  type JobInfo,
  JobQueue,
  PermanentJobError,
  type QueueCounts,
} from './job-queue.js';

interface PendingJob {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
  maxAttempts: number;
  backoffMs: number;
}

interface Worker {
  concurrency: number;
  handler: JobHandler<unknown>;
  active: number;
}

/**
 * Jobs in memory, processed in this process with per-name concurrency, retries with
 * exponential backoff, and a graceful drain. Durability across restarts is the caller's: the
 * session processor (src/session/queue) re-enqueues unfinished sessions from the database at start.
 */
export class InProcessQueue extends JobQueue {
  readonly kind = 'in-process' as const;
  private readonly waiting: PendingJob[] = [];
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private readonly known = new Set<string>();
  private readonly workers = new Map<string, Worker>();
  private readonly running = new Set<Promise<void>>();
  private readonly failureListeners: FailureListener[] = [];
  private readonly active = new Set<string>();
  private readonly recoveries = new Map<string, number>();
  private readonly notes = new Map<string, { value: Record<string, unknown>; until: number }>();
  private readonly leases = new Map<string, number>();
  private closed = false;
  private completed = 0;
  private failed = 0;

  constructor(private readonly defaults: { attempts: number; backoffMs: number }) {
    super();
  }

  add<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    if (this.closed) return Promise.reject(new Error('queue is closed'));
    const id = options.jobId ?? randomUUID();
    if (this.known.has(id)) return Promise.resolve(id);
    this.known.add(id);
    this.waiting.push({
      id,
      name,
      data,
      attempt: 1,
      maxAttempts: options.attempts ?? this.defaults.attempts,
      backoffMs: options.backoffMs ?? this.defaults.backoffMs,
    });
    this.pump();
    return Promise.resolve(id);
  }

  process<T>(name: string, concurrency: number, handler: JobHandler<T>): void {
    this.workers.set(name, { concurrency, handler: handler as JobHandler<unknown>, active: 0 });
    this.pump();
  }

  onFinalFailure(listener: FailureListener): void {
    this.failureListeners.push(listener);
  }

  counts(): Promise<QueueCounts> {
    let active = 0;
    for (const w of this.workers.values()) active += w.active;
    return Promise.resolve({
      waiting: this.waiting.length,
      active,
      delayed: this.delayed.size,
      failed: this.failed,
      completed: this.completed,
    });
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  inspect(jobId: string): Promise<JobInfo> {
    const state = this.active.has(jobId)
      ? 'active'
      : this.delayed.has(jobId)
        ? 'delayed'
        : this.waiting.some((j) => j.id === jobId)
          ? 'waiting'
          : 'missing';
    return Promise.resolve({ state, stalled: false });
  }

  /** Finished jobs are not kept here, so a lost job is simply added again. */
  requeue<T>(name: string, data: T, options: EnqueueOptions & { jobId: string }): Promise<string> {
    return this.add(name, data, options);
  }

  countRecovery(jobId: string): Promise<number> {
    const n = (this.recoveries.get(jobId) ?? 0) + 1;
    this.recoveries.set(jobId, n);
    return Promise.resolve(n);
  }

  recoverStalled(): Promise<void> {
    return Promise.resolve(); // a job here runs in this process: it cannot outlive its worker
  }

  lease(name: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    if ((this.leases.get(name) ?? 0) > now) return Promise.resolve(false);
    this.leases.set(name, now + ttlMs);
    return Promise.resolve(true);
  }

  putNote(name: string, value: Record<string, unknown>, ttlMs: number): Promise<void> {
    this.notes.set(name, { value, until: Date.now() + ttlMs });
    return Promise.resolve();
  }

  readNote(name: string): Promise<Record<string, unknown> | null> {
    const note = this.notes.get(name);
    return Promise.resolve(note && note.until > Date.now() ? note.value : null);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private pump(): void {
    if (this.closed) return;
    for (let i = 0; i < this.waiting.length;) {
      const job = this.waiting[i]!;
      const worker = this.workers.get(job.name);
      if (!worker || worker.active >= worker.concurrency) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      worker.active++;
      const run = this.run(job, worker).finally(() => {
        worker.active--;
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(job: PendingJob, worker: Worker): Promise<void> {
    this.active.add(job.id);
    try {
      await worker.handler({
        id: job.id,
        name: job.name,
        data: job.data,
        attempt: job.attempt,
        maxAttempts: job.maxAttempts,
        progress: () => Promise.resolve(),
      });
      this.completed++;
      this.known.delete(job.id);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      if (err instanceof PermanentJobError || job.attempt >= job.maxAttempts || this.closed) {
        this.failed++;
        this.known.delete(job.id);
        for (const listener of this.failureListeners) listener(job, err);
        return;
      }
      this.retryLater(job);
    } finally {
      this.active.delete(job.id);
    }
  }

  private retryLater(job: PendingJob): void {
    const timer = setTimeout(
      () => {
        this.delayed.delete(job.id);
        this.waiting.push({ ...job, attempt: job.attempt + 1 });
        this.pump();
      },
      backoffDelay(job.backoffMs, job.attempt),
    );
    this.delayed.set(job.id, timer);
  }
}
