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

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
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
  /** Stops taking jobs and waits for running ones (graceful drain), then releases resources. */
  abstract close(): Promise<void>;
}

export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}
