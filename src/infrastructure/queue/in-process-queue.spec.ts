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

  it('tells where a job is: waiting, active, delayed, or missing once it finished', async () => {
    const q = new InProcessQueue({ attempts: 2, backoffMs: 10_000 });
    expect(await q.inspect('a')).toEqual({ state: 'missing', stalled: false });
    await q.add('job', {}, { jobId: 'a' });
    expect((await q.inspect('a')).state).toBe('waiting'); // no worker yet
    let finish!: (fail: boolean) => void;
    q.process(
      'job',
      1,
      () => new Promise<void>((ok, ko) => (finish = (fail) => (fail ? ko(new Error('x')) : ok()))),
    );
    expect((await q.inspect('a')).state).toBe('active');
    finish(true);
    await tick(5);
    expect((await q.inspect('a')).state).toBe('delayed'); // retried after its backoff
    await q.close();
    const r = new InProcessQueue({ attempts: 1, backoffMs: 1 });
    r.process('job', 1, () => Promise.resolve());
    await r.requeue('job', {}, { jobId: 'b' });
    await tick(5);
    expect((await r.inspect('b')).state).toBe('missing');
    await r.close();
  });

  it('counts recoveries per job, leases a name to one holder at a time, keeps notes until they expire', async () => {
    const q = new InProcessQueue({ attempts: 1, backoffMs: 1 });
    expect([await q.countRecovery('a'), await q.countRecovery('a'), await q.countRecovery('b')]).toEqual([
      1, 2, 1,
    ]);
    expect(await q.lease('reconciler', 30)).toBe(true);
    expect(await q.lease('reconciler', 30)).toBe(false);
    await tick(40);
    expect(await q.lease('reconciler', 30)).toBe(true);
    await q.putNote('run', { n: 1 }, 30);
    expect(await q.readNote('run')).toEqual({ n: 1 });
    await tick(40);
    expect(await q.readNote('run')).toBeNull();
    await q.close();
  });
});
