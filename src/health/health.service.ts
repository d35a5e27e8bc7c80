import { Injectable } from '@nestjs/common';
import { AppConfig } from '../shared/config/app-config.js';
import { Database } from '../infrastructure/database/database.js';
import { JobQueue, type QueueCounts } from '../infrastructure/queue/job-queue.js';
import { RECONCILER_NOTE, type ReconcilerRun } from '../infrastructure/queue/queue.constants.js';
import { ObjectStorage } from '../infrastructure/storage/object-storage.js';

export type CheckStatus = 'up' | 'down' | 'not_configured';
export interface ReconcilerState {
  last_run_at: string;
  interval_ms: number;
  checked: number;
  requeued: number;
  failed: number;
  stalled: number;
  duration_ms: number;
  /** No run for more than three intervals: no worker is running its reconciler. */
  overdue: boolean;
}
export interface QueueState extends Omit<QueueCounts, 'completed'> {
  /** The last run of a worker's session reconciler; null when none has run (no worker yet). */
  reconciler: ReconcilerState | null;
}
export interface Readiness {
  ready: boolean;
  checks: { database: CheckStatus; redis: CheckStatus; storage: CheckStatus };
  /** null when the queue did not answer (its Redis is down). */
  queue: QueueState | null;
  errors: Record<string, string>;
}

/** A reconciler that has not run for this many of its intervals is reported overdue. */
const OVERDUE_INTERVALS = 3;

const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${label} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthService {
  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly queue: JobQueue,
    private readonly storage: ObjectStorage,
  ) {}

  async readiness(): Promise<Readiness> {
    const errors: Record<string, string> = {};
    const run = async (name: string, probe: () => Promise<void>): Promise<CheckStatus> => {
      try {
        await withTimeout(probe(), name);
        return 'up';
      } catch (error) {
        errors[name] = error instanceof Error ? error.message : String(error);
        return 'down';
      }
    };
    const [database, redis, storage, queue] = await Promise.all([
      run('database', () => this.database.ping()),
      this.config.usesRedis
        ? run('redis', () => this.queue.ping())
        : Promise.resolve<CheckStatus>('not_configured'),
      run('storage', () => this.storage.checkWritable()),
      withTimeout(this.queueState(), 'queue').catch(() => null),
    ]);
    const checks = { database, redis, storage };
    return { ready: !Object.values(checks).includes('down'), checks, queue, errors };
  }

  /** Informational: a backlog or an overdue reconciler does not make the API unready. */
  private async queueState(): Promise<QueueState> {
    const [counts, note] = await Promise.all([this.queue.counts(), this.queue.readNote(RECONCILER_NOTE)]);
    const run = note as ReconcilerRun | null;
    return {
      waiting: counts.waiting,
      active: counts.active,
      delayed: counts.delayed,
      failed: counts.failed,
      reconciler: run && {
        last_run_at: run.at,
        interval_ms: run.intervalMs,
        checked: run.checked,
        requeued: run.requeued,
        failed: run.failed,
        stalled: run.stalled,
        duration_ms: run.durationMs,
        overdue: Date.now() - Date.parse(run.at) > OVERDUE_INTERVALS * run.intervalMs,
      },
    };
  }
}
