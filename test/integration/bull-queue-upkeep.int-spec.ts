// The reconciler's view of Bull against real Redis: where a job is, a lost or failed job added
// again under its id, recovery counts, the reconciler's lease and its note.
import { afterEach, describe, expect, it } from '@jest/globals';
import Bull from 'bull';
import { randomUUID } from 'node:crypto';
import { BullJobQueue, ENQUEUE_TIMEOUT_MS } from '../../src/infrastructure/queue/bull-queue.js';
import { PermanentJobError, QueueUnavailableError } from '../../src/infrastructure/queue/job-queue.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('BullJobQueue upkeep against real Redis', () => {
  const queues: Array<{ q: BullJobQueue; bull: Bull.Queue }> = [];
  const make = (settings: Bull.AdvancedSettings = {}) => {
    const bull = new Bull(`test-upkeep-${randomUUID()}`, REDIS_URL, { settings });
    const q = new BullJobQueue(bull, { attempts: 1, backoffMs: 10 });
    queues.push({ q, bull });
    return { q, bull };
  };
  afterEach(async () => {
    for (const { bull } of queues.splice(0)) {
      await bull.obliterate({ force: true });
      await bull.close(true); // without waiting for the job that never ends
    }
  });

  it('inspects: missing, waiting, failed with its reason; a flushed job is missing again', async () => {
    const { q, bull } = make();
    expect(await q.inspect('s1:r1')).toEqual({ state: 'missing', stalled: false });
    await q.add('work', { n: 1 }, { jobId: 's1:r1' });
    expect(await q.inspect('s1:r1')).toEqual({ state: 'waiting', stalled: false });
    const failed = new Promise<void>((r) => q.onFinalFailure(() => r()));
    q.process('work', 1, () => Promise.reject(new PermanentJobError('not a C3D file', 'bad_header')));
    await failed;
    const info = await q.inspect('s1:r1');
    expect(info).toMatchObject({ state: 'failed', failedReason: 'not a C3D file', stalled: false });
    expect(info.finishedAt).toBeGreaterThan(Date.now() - 10_000);
    expect(info.failedCode).toBeUndefined();
    // what a Redis restart without persistence does to every job
    await bull.client.del(bull.toKey('s1:r1'));
    expect((await q.inspect('s1:r1')).state).toBe('missing');
  });

  it('requeue replaces a finished leftover under the same id (add alone would be a no-op)', async () => {
    const { q, bull } = make();
    const failed = new Promise<void>((r) => q.onFinalFailure(() => r()));
    q.process('work', 1, () => Promise.reject(new PermanentJobError('gone', 'x')));
    await q.add('work', { v: 1 }, { jobId: 's2:r1' });
    await failed;
    await bull.pause(true); // this worker takes no more jobs: the requeued one stays waiting
    expect((await q.inspect('s2:r1')).state).toBe('failed');
    await q.add('work', { v: 2 }, { jobId: 's2:r1' });
    expect((await q.inspect('s2:r1')).state).toBe('failed'); // the near miss: plain add did nothing
    await q.requeue('work', { v: 3 }, { jobId: 's2:r1' });
    expect((await q.inspect('s2:r1')).state).toBe('waiting');
    expect((await bull.getJob('s2:r1'))!.data).toEqual({ v: 3 });
  });

  it('reports an active job whose lock expired as stalled', async () => {
    const { q, bull } = make({ lockDuration: 60_000 });
    await q.add('work', {}, { jobId: 's3:r1' });
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    q.process('work', 1, () => {
      started();
      return new Promise(() => undefined);
    });
    await running;
    expect(await q.inspect('s3:r1')).toEqual({ state: 'active', stalled: false });
    await bull.client.del(`${bull.toKey('s3:r1')}:lock`); // as when its worker died and the lock ran out
    expect(await q.inspect('s3:r1')).toEqual({ state: 'active', stalled: true });
  });

  it('counts recoveries, leases to one holder, and shares notes', async () => {
    const { q } = make();
    const { q: other } = make();
    expect([await q.countRecovery('x'), await q.countRecovery('x')]).toEqual([1, 2]);
    expect(await q.lease('reconciler', 500)).toBe(true);
    expect(await q.lease('reconciler', 500)).toBe(false);
    await q.putNote('reconciler', { at: 'now', requeued: 2 }, 10_000);
    expect(await q.readNote('reconciler')).toEqual({ at: 'now', requeued: 2 });
    expect(await other.readNote('reconciler')).toBeNull(); // another queue, another namespace
  });

  it('an add while Redis is unreachable fails within the enqueue timeout as queue_unavailable (503)', async () => {
    const bull = new Bull(`test-upkeep-${randomUUID()}`, 'redis://127.0.0.1:1');
    const q = new BullJobQueue(bull, { attempts: 1, backoffMs: 10 });
    const started = Date.now();
    const error = await q.add('work', {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(ENQUEUE_TIMEOUT_MS + 1000);
    expect(error).toBeInstanceOf(QueueUnavailableError);
    expect(error).toMatchObject({ code: 'queue_unavailable', kind: 'unavailable' });
    await bull.close(true);
  });
});
