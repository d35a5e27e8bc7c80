// Subjective data (RPE, BFR, game points) entered while a session is being processed must end
// up in its scores: the job re-reads them under the row lock before it writes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AnalysisRunner } from '../../src/analysis/analysis-runner.js';
import type { AnalysisOutcome, AnalysisTask } from '../../src/analysis/analysis-task.js';
import { ThreadPoolAnalysisRunner } from '../../src/analysis/thread-pool-runner.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'subjective-race-secret-with-32-chars-or-more';

/** The real analysis, held after it finished until the test releases it. */
class GatedRunner extends AnalysisRunner {
  private readonly inner = new ThreadPoolAnalysisRunner(0);
  private release!: () => void;
  private readonly released = new Promise<void>((r) => (this.release = r));
  private enteredResolve!: () => void;
  readonly entered = new Promise<void>((r) => (this.enteredResolve = r));

  async analyze(bytes: Uint8Array, task: AnalysisTask): Promise<AnalysisOutcome> {
    const outcome = await this.inner.analyze(bytes, task);
    this.enteredResolve();
    await this.released;
    return outcome;
  }
  open(): void {
    this.release();
  }
  close(): Promise<void> {
    this.release();
    return this.inner.close();
  }
}

describe('subjective data entered during processing', () => {
  let t: TestApp;
  let therapist: TestUser;
  const runner = new GatedRunner();

  beforeAll(async () => {
    t = await createTestApp(
      { JWT_SECRET: SECRET },
      { overrides: [{ provide: AnalysisRunner, useValue: runner }] },
    );
    therapist = await createUser(t.database, 'therapist');
  });
  afterAll(async () => t.close());

  it('is scored when the job writes its results', async () => {
    const h = bearer(await signHs256(SECRET, supabaseClaims(therapist)));
    const patient = (
      await t.app.inject({ method: 'POST', url: '/patients', headers: h, payload: {} })
    ).json();
    const file = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
    const body = multipart({ name: file, content: ghostly(file) }, { patient_code: patient.patient_code });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...h, ...body.headers },
      payload: body.payload,
    });
    expect(accepted.statusCode).toBe(202);
    const code = accepted.json().session_code as string;

    await runner.entered; // the job has read the session and analysed it
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/sessions/${code}/subjective`,
      headers: h,
      payload: { rpe_post_session: 6 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().status).toBe('processing');
    runner.open();

    expect((await waitForSession(t, h, code)).status).toBe('completed');
    const detail = (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: h })).json();
    // RPE 6 maps to 75 (GHOSTLY-TRIAL-DEFAULT); without it the default RPE 4 would score 100
    expect(detail.performance_scores).toMatchObject({ rpe_post_session: 6, effort_score: 75 });
    expect(detail.performance_scores.compliance_score).toBeCloseTo(61.05, 2);
  });
});
