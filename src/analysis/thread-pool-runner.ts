import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AnalysisCrashError, AnalysisInputError, AnalysisRunner } from './analysis-runner.js';
import {
  runAnalysisTask,
  type AnalysisOutcome,
  type AnalysisTask,
  type TaskResult,
} from './analysis-task.js';

interface Pending {
  id: number;
  bytes: Uint8Array;
  task: AnalysisTask;
  resolve: (o: AnalysisOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

export function settle(p: Pick<Pending, 'resolve' | 'reject'>, result: TaskResult): void {
  if (result.ok) p.resolve(result.outcome);
  else if (result.failure.kind === 'internal') p.reject(new AnalysisCrashError(result.failure.message));
  else p.reject(new AnalysisInputError(result.failure));
}

/** The compiled worker script, present when running from dist/ (absent under ts-jest/swc-jest). */
export function compiledWorkerPath(): string | null {
  const url = new URL('./worker/analysis.worker.js', import.meta.url);
  const path = fileURLToPath(url);
  return existsSync(path) ? path : null;
}

/**
 * Runs analyses in a fixed pool of worker threads (ANALYSIS_THREADS), one task per thread at a
 * time, FIFO. With 0 threads, or without the compiled worker script (Jest), it runs inline.
 * A thread that dies fails its task (the caller retries) and is replaced. The threads start with
 * the first analysis: a process that never analyses (an API behind separate workers) does not
 * carry their ~20 MB each.
 */
export class ThreadPoolAnalysisRunner extends AnalysisRunner {
  private readonly logger = new Logger(ThreadPoolAnalysisRunner.name);
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly size: number;

  constructor(
    threads: number,
    private readonly workerPath: string | null = compiledWorkerPath(),
  ) {
    super();
    this.size = workerPath ? threads : 0;
    if (!workerPath && threads > 0) {
      this.logger.warn(
        `No compiled analysis worker (${threads} thread(s) configured): analysis runs on the event loop`,
      );
    }
  }

  /** Threads of the pool (started with the first analysis). */
  get threads(): number {
    return this.size;
  }

  analyze(bytes: Uint8Array, task: AnalysisTask): Promise<AnalysisOutcome> {
    if (this.closed) return Promise.reject(new Error('analysis runner is closed'));
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    if (this.slots.length === 0) {
      return new Promise((resolve, reject) => settle({ resolve, reject }, runAnalysisTask(bytes, task)));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, task, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('analysis runner closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.workerPath!), busy: null };
    slot.worker.on('message', (msg: { id: number; result: TaskResult }) => {
      const p = slot.busy;
      slot.busy = null;
      if (p && p.id === msg.id) settle(p, msg.result);
      this.pump();
    });
    slot.worker.on('error', (error) => this.replace(slot, error));
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.replace(slot, new Error(`analysis thread exited with code ${code}`));
    });
    slot.worker.unref();
    return slot;
  }

  private replace(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    this.logger.error({ msg: 'analysis thread failed; replacing it', error: error.message });
    slot.busy?.reject(error);
    slot.busy = null;
    void slot.worker.terminate();
    this.slots[i] = this.spawn();
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const p = this.queue.shift()!;
      slot.busy = p;
      slot.worker.postMessage({ id: p.id, bytes: p.bytes, task: p.task });
    }
  }
}
