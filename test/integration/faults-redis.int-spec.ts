// Redis faults: a Redis without persistence restarted with jobs queued loses them; the workers'
// reconciler enqueues those sessions again and each completes exactly once. While Redis is away
// the API keeps answering (uploads are stored and enqueued later, the cache misses, readiness
// says redis down) and no process crashes.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Bull from 'bull';
import { Redis } from 'ioredis';
import { createTestPostgres } from '../support/postgres.js';
import { startPrivateRedis } from '../support/redis-server.js';
import { randomPort, startService, until } from '../support/service-process.js';
import { ghostly, multipart } from '../support/session-helpers.js';
import { bearer, createUser, signHs256, supabaseClaims } from '../support/tokens.js';

jest.setTimeout(240_000);
const SECRET = 'faults-redis-secret-with-at-least-32-characters';
const FILES: [string, number][] = [
  ['Ghostly_Emg_20230321_17-23-09-0409.c3d', 26],
  ['Ghostly_Emg_20230321_17-28-14-0160.c3d', 23],
  ['Ghostly_Emg_20230321_17-33-14-0785.c3d', 30],
  ['Ghostly_Emg_20230321_17-50-17-0881.c3d', 26],
  ['Ghostly_Emg_20231004_13-18-43-0464.c3d', 16],
  ['Ghostly_Emg_20250310_11-46-23-0823.c3d', 45],
  ['Ghostly_Emg_20250310_11-50-16-0578.c3d', 49],
];
const INTERVAL_MS = 3000;

interface Ready {
  checks: { redis: string };
  queue: null | { waiting: number; reconciler: null | { last_run_at: string; overdue: boolean } };
}

describe('Redis restarted without persistence while jobs are queued', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it('every session completes exactly once, re-enqueued by the reconciler within its interval', async () => {
    const db = await createTestPostgres();
    cleanups.push(() => db.drop());
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const port = randomPort();
    const dataDir = mkdtempSync(join(tmpdir(), 'emg-faults-redis-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const base = `http://127.0.0.1:${port}`;
    const common = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url(),
      JWT_SECRET: SECRET,
      DATA_DIR: dataDir,
      JOB_LOCK_MS: '3000',
      RECONCILE_INTERVAL_MS: String(INTERVAL_MS),
    };
    const api = startService({ ...common, APP_ROLE: 'api', PORT: String(port) });
    const worker = startService({ ...common, APP_ROLE: 'worker', QUEUE_CONCURRENCY: '1' });
    cleanups.push(
      () => api.kill(),
      () => worker.kill(),
    );
    await until(async () => (await fetch(`${base}/health`)).ok, 30_000, 'the API');
    await until(async () => worker.output().includes('worker started'), 30_000, 'the worker');

    const headers = bearer(
      await signHs256(SECRET, supabaseClaims(await createUser(db.database, 'therapist'))),
    );
    const patient = (
      (await (
        await fetch(`${base}/patients`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: '{}',
        })
      ).json()) as { patient_code: string }
    ).patient_code;
    const upload = async (file: string) => {
      const body = multipart({ name: file, content: ghostly(file) }, { patient_code: patient });
      const started = Date.now();
      const res = await fetch(`${base}/sessions`, {
        method: 'POST',
        headers: { ...headers, ...body.headers },
        body: body.payload,
      });
      return { status: res.status, ms: Date.now() - started, body: (await res.json()) as { id: string } };
    };
    const rows = () =>
      db.database.kysely
        .selectFrom('therapy_sessions')
        .select(['id', 'processing_status', 'result_version', 'error_code'])
        .execute();

    // six uploads whose jobs wait in Redis: the queue is paused for every worker (a flag in Redis,
    // gone with the rest when Redis restarts)
    const control = new Bull('sessions', redis.url());
    await control.pause();
    await control.close();
    for (const [file] of FILES.slice(0, 6)) expect((await upload(file)).status).toBe(202);
    const before = await rows();
    expect(before.filter((r) => r.processing_status === 'queued')).toHaveLength(6);

    // Redis goes away: the API still answers
    await redis.stop();
    const during = await upload(FILES[6]![0]);
    expect(during.status).toBe(202); // stored; enqueued by the reconciler once Redis is back
    expect(during.ms).toBeLessThan(6000);
    const list = await fetch(`${base}/sessions`, { headers });
    expect(list.status).toBe(200);
    const code = (
      (await list.json()) as { items: Array<{ session_code: string; status: string }> }
    ).items.find((i) => i.status === 'completed')?.session_code;
    if (code) expect((await fetch(`${base}/sessions/${code}`, { headers })).status).toBe(200); // cache misses
    const notReady = await fetch(`${base}/health/ready`);
    expect(notReady.status).toBe(503);
    const details = ((await notReady.json()) as { details: Ready }).details;
    expect(details.checks.redis).toBe('down');
    expect(details.queue).toBeNull(); // the queue did not answer

    // ...and comes back empty
    await redis.start();
    const back = Date.now();
    const lost = (await rows()).filter((r) => r.processing_status !== 'completed').length;
    expect(lost).toBe(7);
    // the jobs reappear in the new Redis
    const probe = new Redis(redis.url(), { maxRetriesPerRequest: 1 });
    cleanups.push(async () => probe.disconnect());
    const requeuedAfterMs = await until(
      async () => (await probe.keys('bull:sessions:*:r1')).length >= lost && Date.now() - back,
      2 * INTERVAL_MS + 5000,
      'the lost jobs to be enqueued again',
      20,
    );
    const done = await until(
      async () => {
        const all = await rows();
        return all.every((r) => r.processing_status === 'completed') && all;
      },
      120_000,
      'every session completed after the restart',
      100,
    );
    const completedAfterMs = Date.now() - back;

    const requeueLines = [...worker.output().matchAll(/re-enqueued a session whose job was lost/g)].length;
    // the six jobs Redis lost; the upload made during the outage may have been enqueued late by
    // its own request (the add was held by the client until Redis was back) or by the reconciler
    expect(requeueLines).toBeGreaterThanOrEqual(6);
    expect(done).toHaveLength(7);
    expect(done.every((r) => r.result_version === 1)).toBe(true);
    const counts = await db.database.kysely
      .selectFrom('contractions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(FILES.reduce((n, [, c]) => n + c, 0));
    const scores = await db.database.kysely
      .selectFrom('performance_scores')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(scores.n)).toBe(7);

    // readiness: redis up again, the reconciler's run reported and not overdue
    const ready = await until(
      async () => {
        const res = await fetch(`${base}/health/ready`);
        const body = (await res.json()) as Ready;
        return (
          res.ok && body.queue?.reconciler && Date.parse(body.queue.reconciler.last_run_at) > back && body
        );
      },
      3 * INTERVAL_MS + 5000,
      'readiness with a reconciler run after the restart',
    );
    expect(ready && ready.queue!.reconciler!.overdue).toBe(false);
    expect(api.alive() && worker.alive()).toBe(true);
    for (const p of [api, worker]) expect(p.output()).not.toMatch(/Unhandled 'error' event|Fatal:/);
    process.stdout.write(
      `faults-redis: ${lost} sessions unfinished when Redis came back, ${requeueLines} re-enqueued ${requeuedAfterMs} ms after it was back, all completed after ${completedAfterMs} ms (interval ${INTERVAL_MS} ms); upload during the outage answered ${during.status} in ${during.ms} ms\n`,
    );
  });
});
