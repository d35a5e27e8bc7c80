import { describe, expect, it } from '@jest/globals';
import { InProcessQueue } from './in-process-queue.js';
import { PermanentJobError } from './job-queue.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('InProcessQueue', () => {
  it('retries transient failures with backoff and then succeeds', async () => {
    const q = new InProcessQueue({ attempts: 3, backoffMs: 5 });
    const attempts: number[] = [];
    const done = new Promise<void>((resolve) => {
      q.process<{ n: number }>('job', 1, async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < 3) throw new Error('flaky');
        resolve();
      });
    });
    await q.add('job', { n: 1 });
    await done;
    expect(attempts).toEqual([1, 2, 3]);
    await q.close();
  });

  it('does not retry a permanent failure and reports it once', async () => {
    const q = new InProcessQueue({ attempts: 5, backoffMs: 1 });
    const failures: string[] = [];
    let calls = 0;
    q.onFinalFailure((_job, err) => failures.push(err.message));
    q.process('job', 1, () => {
      calls++;
      return Promise.reject(new PermanentJobError('bad file', 'truncated'));
    });
    await q.add('job', {});
    await tick(30);
    expect(calls).toBe(1);
    expect(failures).toEqual(['bad file']);
    await q.close();
  });

  it('gives up after the configured attempts', async () => {
    const q = new InProcessQueue({ attempts: 2, backoffMs: 1 });
    let calls = 0;
    const failed = new Promise<void>((resolve) => q.onFinalFailure(() => resolve()));
    q.process('job', 1, () => {
      calls++;
      return Promise.reject(new Error('down'));
    });
    await q.add('job', {});
    await failed;
    expect(calls).toBe(2);
    expect((await q.counts()).failed).toBe(1);
    await q.close();
  });

  it('respects concurrency and drains running jobs on close', async () => {
    const q = new InProcessQueue({ attempts: 1, backoffMs: 1 });
    let active = 0;
    let peak = 0;
    let finished = 0;
    q.process('job', 2, async () => {
      active++;
      peak = Math.max(peak, active);
      await tick(20);
      active--;
      finished++;
    });
    for (let i = 0; i < 5; i++) await q.add('job', { i });
    await tick(5);
    await q.close();
    expect(peak).toBe(2);
    // The two running jobs finished; the waiting ones were not started after close.
    expect(finished).toBe(2);
  });

  it('deduplicates by job id while a job is pending', async () => {
    const q = new InProcessQueue({ attempts: 1, backoffMs: 1 });
    let calls = 0;
    await q.add('job', {}, { jobId: 'same' });
    await q.add('job', {}, { jobId: 'same' });
    q.process('job', 1, () => {
      calls++;
      return Promise.resolve();
    });
    await tick(10);
    expect(calls).toBe(1);
    await q.close();
  });
});
