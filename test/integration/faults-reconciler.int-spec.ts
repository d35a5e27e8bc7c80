// The session reconciler against Bull and PostgreSQL: a job lost from Redis is enqueued again,
// a waiting one is left alone, a job lost more than JOB_ATTEMPTS times fails its session as
// worker_lost, and a job that failed for good while its failure never reached the session
// (the database was away) fails the session. Readiness reports the queue and the run.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_QUEUE } from '../../src/infrastructure/queue/queue.constants.js';
import { SessionReconciler } from '../../src/session/queue/session-reconciler.js';
import { createTestPostgres, type TestPostgres } from '../support/postgres.js';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server.js';
import { until } from '../support/service-process.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims } from '../support/tokens.js';

jest.setTimeout(120_000);
const SECRET = 'faults-reconciler-secret-with-32-chars-or-more';
/** Past the reconciler's grace period (at most 5 s). */
const later = () => Date.now() + 10_000;

describe('session reconciler on Bull and PostgreSQL', () => {
  let pg: TestPostgres;
  let redis: PrivateRedis;
  let t: TestApp;
  let queue: Queue;
  let reconciler: SessionReconciler;
  let h: Record<string, string>;
  let patient: string;

  beforeAll(async () => {
    pg = await createTestPostgres();
    redis = await startPrivateRedis();
    t = await createTestApp(
      {
        JWT_SECRET: SECRET,
        DATABASE_URL: pg.url,
        REDIS_URL: redis.url(),
        JOB_ATTEMPTS: '2',
        RECONCILE_INTERVAL_MS: '3600000', // runs at start only: the test drives it
      },
      { database: pg.database },
    );
    queue = t.get<Queue>(getQueueToken(SESSION_QUEUE) as never);
    reconciler = t.get(SessionReconciler);
    h = bearer(await signHs256(SECRET, supabaseClaims(await createUser(pg.database, 'therapist'))));
    patient = (await t.app.inject({ method: 'POST', url: '/patients', headers: h, payload: {} })).json()
      .patient_code as string;
  });
  afterAll(async () => {
    await t?.close();
    await pg?.drop();
    await redis?.stop();
  });

  const upload = async (file: string) => {
    const body = multipart({ name: file, content: ghostly(file) }, { patient_code: patient });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...h, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    return res.json<{ id: string; session_code: string }>();
  };
  const row = (id: string) =>
    pg.database.kysely
      .selectFrom('therapy_sessions')
      .select(['processing_status', 'result_version', 'error_code', 'error_message'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const loseJob = (id: string) => redis.flushJob(`${id}:r1`);

  it('re-enqueues a lost job, leaves a waiting one alone, and fails the session past the budget', async () => {
    await queue.pause(true); // this process takes no jobs: they stay waiting
    const s = await upload('Ghostly_Emg_20230321_17-50-17-0881.c3d');
    // near miss: the job is there (waiting): nothing to do, nothing counted
    expect(await reconciler.reconcile(later())).toMatchObject({ checked: 1, requeued: 0, failed: 0 });
    for (const recovery of [1, 2]) {
      await loseJob(s.id);
      expect(await queue.getJob(`${s.id}:r1`)).toBeNull();
      expect(await reconciler.reconcile(later())).toMatchObject({ requeued: 1, failed: 0 });
      expect(await queue.getJob(`${s.id}:r1`)).not.toBeNull();
      expect(await redis.client().get(`bull:sessions:recovered:${s.id}:r1`)).toBe(String(recovery));
    }
    const ready = (await t.app.inject({ method: 'GET', url: '/health/ready' })).json();
    expect(ready.queue).toMatchObject({ waiting: 1, reconciler: { requeued: 1, failed: 0, overdue: false } });
    await loseJob(s.id);
    expect(await reconciler.reconcile(later())).toMatchObject({ requeued: 0, failed: 1 });
    expect(await row(s.id)).toMatchObject({ processing_status: 'failed', error_code: 'worker_lost' });
    await queue.resume(true);
  });

  it('a job lost once completes exactly once after the re-enqueue', async () => {
    await queue.pause(true);
    const s = await upload('Ghostly_Emg_20230321_17-23-09-0409.c3d');
    await loseJob(s.id);
    expect(await reconciler.reconcile(later())).toMatchObject({ requeued: 1 });
    await queue.resume(true);
    expect((await waitForSession(t, h, s.session_code)).status).toBe('completed');
    expect((await row(s.id)).result_version).toBe(1);
  });

  it('fails a session whose job failed for good without the failure being written', async () => {
    await queue.pause(true);
    const s = await upload('Ghostly_Emg_20230321_17-28-14-0160.c3d');
    // the stored file disappears: the job fails at once (file_missing) and the session with it
    const dir = join(t.dataDir, 'storage');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) =>
      f.name.endsWith('17-28-14-0160.c3d'),
    );
    expect(files).toHaveLength(1);
    rmSync(join(files[0]!.parentPath, files[0]!.name));
    await queue.resume(true);
    await until(async () => (await row(s.id)).processing_status === 'failed', 30_000, 'the failure');
    // as if the database had been away when the job failed: the session still says processing
    await pg.database.kysely
      .updateTable('therapy_sessions')
      .set({ processing_status: 'processing', error_code: null, error_message: null })
      .where('id', '=', s.id)
      .execute();
    expect(await reconciler.reconcile(later())).toMatchObject({ requeued: 0, failed: 1 });
    const failed = await row(s.id);
    expect(failed).toMatchObject({ processing_status: 'failed', error_code: 'processing_failed' });
    expect(failed.error_message).toMatch(/does not exist in storage/); // the job's own reason
  });
});
