import { afterEach, describe, expect, it } from '@jest/globals';
import Bull from 'bull';
import { spawn } from 'node:child_process';
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

  it('drains on close: a running job finishes before close resolves, and is completed', async () => {
    const name = `test-${randomUUID()}`;
    const q = new BullJobQueue(new Bull(name, REDIS_URL), { attempts: 1, backoffMs: 10 });
    let finished = false;
    const started = new Promise<void>((resolve) =>
      q.process('work', 1, async () => {
        resolve();
        await new Promise((r) => setTimeout(r, 400));
        finished = true;
      }),
    );
    await q.add('work', {});
    await started;
    await q.close();
    expect(finished).toBe(true);
    const inspector = new BullJobQueue(new Bull(name, REDIS_URL), { attempts: 1, backoffMs: 10 });
    queues.push(inspector);
    expect(await inspector.counts()).toMatchObject({ active: 0, completed: 1, failed: 0 });
  });

  it('deduplicates jobs by id', async () => {
    const q = make();
    const a = await q.add('work', {}, { jobId: 'session-1' });
    const b = await q.add('work', {}, { jobId: 'session-1' });
    expect(a).toBe(b);
    expect((await q.counts()).waiting).toBe(1);
  });

  it('reports a job whose worker died more often than maxStalledCount as a final worker_lost failure', async () => {
    const name = `test-${randomUUID()}`;
    // A worker process that takes the job and is killed while it runs. Every worker of a queue
    // must share stalledInterval: Bull throttles the stalled check across processes by the
    // interval of whoever checked first.
    const settings = { lockDuration: 400, stalledInterval: 200 };
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Bull from 'bull';
         const q = new Bull(${JSON.stringify(name)}, ${JSON.stringify(REDIS_URL)}, { settings: ${JSON.stringify(settings)} });
         void q.process('work', () => { console.log('taken'); return new Promise(() => undefined); });`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const producer = new Bull(name, REDIS_URL);
    try {
      await producer.add('work', { n: 1 }, { attempts: 3 });
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (d: Buffer) => String(d).includes('taken') && resolve()),
      );
    } finally {
      child.kill('SIGKILL');
      await producer.close();
    }
    // the surviving worker's stalled check finds the job unlocked; with maxStalledCount 0 the
    // first stall is one too many
    const q = new BullJobQueue(new Bull(name, REDIS_URL, { settings: { ...settings, maxStalledCount: 0 } }), {
      attempts: 3,
      backoffMs: 10,
    });
    queues.push(q);
    const failure = new Promise<Error>((resolve) => q.onFinalFailure((_job, err) => resolve(err)));
    let ran = 0;
    q.process('work', 1, async () => {
      ran++;
    });
    const err = await failure;
    expect(err).toBeInstanceOf(PermanentJobError);
    expect((err as PermanentJobError).code).toBe('worker_lost');
    expect(ran).toBe(0);
    expect((await q.counts()).failed).toBe(1);
  }, 20_000);
});
