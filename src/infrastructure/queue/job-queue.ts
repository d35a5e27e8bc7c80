import { AppError } from '../../shared/errors/app-error.js';

/**
 * The job-queue seam. Bull over Redis in server mode, an in-process queue in embedded mode;
 * processors see the same interface in both.
 */
export interface EnqueueOptions {
  /** Deduplicates: adding a job whose id is already queued or running is a no-op. */
  jobId?: string;
  attempts?: number;
  backoffMs?: number;
}

export interface JobContext<T> {
  readonly id: string;
  readonly name: string;
  readonly data: T;
  /** 1 for the first try. */
  readonly attempt: number;
  readonly maxAttempts: number;
  progress(percent: number): Promise<void>;
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>;

/** Thrown by a handler when retrying cannot help (bad input): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** The queue could not take a job (Redis unreachable): 503 `queue_unavailable` if it reaches a client. */
export class QueueUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', 'queue_unavailable', message, undefined, options);
  }
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** Where a job is; `missing`: the queue has no job under that id (never added, or lost). */
export type JobState = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'missing';

export interface JobInfo {
  state: JobState;
  /** An active job whose lock expired: its worker is gone (Bull re-queues it at its next stalled check). */
  stalled: boolean;
  /** When a completed or failed job finished (ms since epoch). */
  finishedAt?: number;
  failedReason?: string;
  /** A failed job's error code when the queue knows it ('worker_lost' for a job that stalled out). */
  failedCode?: string;
}

export type FailureListener = (job: { id: string; name: string; data: unknown }, error: Error) => void;

export abstract class JobQueue {
  abstract readonly kind: 'in-process' | 'bull';
  abstract add<T>(name: string, data: T, options?: EnqueueOptions): Promise<string>;
  /** Starts consuming jobs of `name` (worker role only). */
  abstract process<T>(name: string, concurrency: number, handler: JobHandler<T>): void;
  /** Called once a job has failed for good (permanent error or attempts exhausted). */
  abstract onFinalFailure(listener: FailureListener): void;
  abstract counts(): Promise<QueueCounts>;
  abstract ping(): Promise<void>;

  // Upkeep, for the reconciler that finds jobs a Redis restart or a dead worker lost.
  abstract inspect(jobId: string): Promise<JobInfo>;
  /** Adds a lost job again; a finished leftover under the same id is removed first. */
  abstract requeue<T>(name: string, data: T, options: EnqueueOptions & { jobId: string }): Promise<string>;
  /** Counts the recoveries of one job, kept with the queue (1 at the first); forgotten after a week. */
  abstract countRecovery(jobId: string): Promise<number>;
  /** Hands active jobs whose lock expired back to the waiting list now (Bull's stalled check). */
  abstract recoverStalled(): Promise<void>;
  /** True for the one caller (across processes sharing the queue) that holds `name` for ttlMs. */
  abstract lease(name: string, ttlMs: number): Promise<boolean>;
  /** A small JSON note shared by the processes of the queue (e.g. the reconciler's last run). */
  abstract putNote(name: string, value: Record<string, unknown>, ttlMs: number): Promise<void>;
  abstract readNote(name: string): Promise<Record<string, unknown> | null>;

  /** Stops taking jobs and waits for running ones (graceful drain), then releases resources. */
  abstract close(): Promise<void>;
}

export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}
