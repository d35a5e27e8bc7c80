// Readiness reports the job queue, and the session reconciler (worker role) re-enqueues sessions
// whose job was lost, exactly once each, and fails them as worker_lost past the retry budget.
// Embedded mode: PGlite and the in-process queue (Redis and Bull: test/integration/faults-*).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SessionReconciler } from '../../src/session/queue/session-reconciler.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims } from '../support/tokens.js';

const SECRET = 'health-queue-secret-with-32-chars-or-more';
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
/** Past the reconciler's grace period (at most 5 s). */
const later = () => Date.now() + 10_000;

interface Ready {
  status: string;
  queue: {
    waiting: number;
    active: number;
    delayed: number;
    failed: number;
    reconciler: null | { last_run_at: string; requeued: number; failed: number; overdue: boolean };
  };
}

describe('readiness reports the queue; the reconciler recovers lost jobs', () => {
  let t: TestApp;
  let h: Record<string, string>;
  let code: string;
  let reconciler: SessionReconciler;

  const lose = () =>
    // as after a crash or a Redis restart: the row says processing, the queue has no job
    t.database.kysely
      .updateTable('therapy_sessions')
      .set({ processing_status: 'processing', stage: 'analyzing' })
      .where('session_code', '=', code)
      .execute();
  const row = () =>
    t.database.kysely
      .selectFrom('therapy_sessions')
      .select(['processing_status', 'result_version', 'error_code', 'error_message'])
      .where('session_code', '=', code)
      .executeTakeFirstOrThrow();
  const ready = async () => (await t.app.inject({ method: 'GET', url: '/health/ready' })).json<Ready>();

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET, JOB_ATTEMPTS: '2', RECONCILE_INTERVAL_MS: '600000' });
    reconciler = t.get(SessionReconciler);
    h = bearer(await signHs256(SECRET, supabaseClaims(await createUser(t.database, 'therapist'))));
    const patient = (
      await t.app.inject({ method: 'POST', url: '/patients', headers: h, payload: {} })
    ).json();
    const body = multipart({ name: FILE, content: ghostly(FILE) }, { patient_code: patient.patient_code });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...h, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    code = res.json().session_code as string;
    expect((await waitForSession(t, h, code)).status).toBe('completed');
  });
  afterAll(async () => t.close());

  it("reports the queue's counts and the reconciler's run at start", async () => {
    const deadline = Date.now() + 10_000;
    let body = await ready();
    while (body.queue.reconciler === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      body = await ready();
    }
    expect(body).toMatchObject({
      status: 'ready',
      queue: {
        waiting: 0,
        active: 0,
        delayed: 0,
        failed: 0,
        reconciler: { requeued: 0, failed: 0, overdue: false },
      },
    });
    expect(Date.parse(body.queue.reconciler!.last_run_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('leaves a session alone inside the grace period (the API may be enqueueing it)', async () => {
    await lose();
    // just changed: the API may be enqueueing it right now
    expect(await reconciler.reconcile()).toMatchObject({ checked: 0, requeued: 0 });
    expect((await row()).processing_status).toBe('processing');
  });

  it('re-enqueues a session whose job was lost, once, and it completes once', async () => {
    const before = (await row()).result_version;
    const run = await reconciler.reconcile(later());
    expect(run).toMatchObject({ checked: 1, requeued: 1, failed: 0 });
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    expect((await row()).result_version).toBe(before + 1);
    const counts = await t.database.kysely
      .selectFrom('performance_scores')
      .innerJoin('therapy_sessions as s', 's.id', 'performance_scores.session_id')
      .where('s.session_code', '=', code)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(1);
    expect((await ready()).queue.reconciler).toMatchObject({ requeued: 1, failed: 0 });
    // nothing left to do: a second pass changes nothing
    expect(await reconciler.reconcile(later())).toMatchObject({ checked: 0, requeued: 0 });
  });

  it('fails the session as worker_lost once its job was lost more than JOB_ATTEMPTS (2) times', async () => {
    // the first loss was recovered above; the second is still within the budget
    await lose();
    expect(await reconciler.reconcile(later())).toMatchObject({ requeued: 1, failed: 0 });
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    await lose();
    expect(await reconciler.reconcile(later())).toMatchObject({ requeued: 0, failed: 1 });
    expect(await row()).toMatchObject({ processing_status: 'failed', error_code: 'worker_lost' });
    expect((await row()).error_message).toContain('lost 3 times');
    expect((await ready()).queue.reconciler).toMatchObject({ requeued: 0, failed: 1 });
  });
});
