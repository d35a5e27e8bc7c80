import { afterEach, describe, expect, it } from '@jest/globals';
import Bull from 'bull';
import { randomUUID } from 'node:crypto';
import { BullJobQueue } from '../../src/infrastructure/queue/bull-queue.js';
import { PermanentJobError } from '../../src/infrastructure/queue/job-queue.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('BullJobQueue against real Redis', () => {
  const queues: BullJobQueue[] = [];
  const make = (defaults = { attempts: 3, backoffMs: 10 }) => {
    const q = new BullJobQueue(new Bull(`test-${randomUUID()}`, REDIS_URL), defaults);
    queues.push(q);
    return q;
  };
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.close()));
  });

  it('round-trips a job with progress', async () => {
    const q = make();
    const seen: Array<{ data: unknown; attempt: number }> = [];
    const done = new Promise<void>((resolve) =>
      q.process<{ n: number }>('work', 1, async (job) => {
        await job.progress(50);
        seen.push({ data: job.data, attempt: job.attempt });
        resolve();
      }),
    );
    await q.add('work', { n: 7 });
    await done;
    expect(seen).toEqual([{ data: { n: 7 }, attempt: 1 }]);
    await q.ping();
  });

  it('retries transient failures with backoff, then succeeds', async () => {
    const q = make();
    const attempts: number[] = [];
    const done = new Promise<void>((resolve) =>
      q.process('work', 1, async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < 3) throw new Error('database down');
        resolve();
      }),
    );
    await q.add('work', {});
    await done;
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('fails a permanent error at once, reporting it once', async () => {
    const q = make({ attempts: 5, backoffMs: 10 });
    let calls = 0;
    const failed = new Promise<string>((resolve) => q.onFinalFailure((_job, err) => resolve(err.message)));
    q.process('work', 1, () => {
      calls++;
      return Promise.reject(new PermanentJobError('not a C3D file', 'bad_header'));
    });
    await q.add('work', {});
    expect(await failed).toBe('not a C3D file');
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(1);
    expect((await q.counts()).failed).toBe(1);
  });

  it('deduplicates jobs by id', async () => {
    const q = make();
    const a = await q.add('work', {}, { jobId: 'session-1' });
    const b = await q.add('work', {}, { jobId: 'session-1' });
    expect(a).toBe(b);
    expect((await q.counts()).waiting).toBe(1);
  });
});
