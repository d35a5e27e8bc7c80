// Reprocessing a stored session with another scoring configuration: a therapist changes the
// weights for a patient and applies them to a session recorded before.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'rescore-config-secret-with-32-chars-or-more';
const TRIAL_DEFAULT = 'a0000000-0000-0000-0000-000000000001';
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';

describe('reprocess with a scoring configuration', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let h: Record<string, string>;
  let code: string;
  let patientCode: string;

  const detail = async () =>
    (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: h })).json();
  const reprocess = (payload: object) =>
    t.app.inject({ method: 'POST', url: `/sessions/${code}/reprocess`, headers: h, payload });
  const createConfig = async (user: TestUser, body: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/scoring/configurations/detailed',
      headers: bearer(await signHs256(SECRET, supabaseClaims(user))),
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    alice = await createUser(t.database, 'therapist');
    bob = await createUser(t.database, 'therapist');
    h = bearer(await signHs256(SECRET, supabaseClaims(alice)));
    patientCode = (await t.app.inject({ method: 'POST', url: '/patients', headers: h, payload: {} })).json()
      .patient_code;
    const body = multipart({ name: FILE, content: ghostly(FILE) }, { patient_code: patientCode });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...h, ...body.headers },
      payload: body.payload,
    });
    code = res.json().session_code;
    expect((await waitForSession(t, h, code)).status).toBe('completed');
  });
  afterAll(async () => t.close());

  it('keeps the configuration of the recording unless asked, and scores with the one given', async () => {
    const before = await detail();
    expect(before.performance_scores).toMatchObject({ scoring_config_id: TRIAL_DEFAULT });
    expect(before.performance_scores.overall_score).toBeCloseTo(78.25, 2);

    const weights = { weight_compliance: 0.7, weight_symmetry: 0.3, weight_effort: 0, weight_game: 0 };
    const mine = await createConfig(alice, {
      configuration_name: 'Compliance first',
      scope: 'patient',
      patient_code: patientCode,
      ...weights,
    });

    // a plain reprocess keeps the session's configuration
    expect((await reprocess({})).statusCode).toBe(202);
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    expect((await detail()).performance_scores.scoring_config_id).toBe(TRIAL_DEFAULT);

    // asked for: scored with it
    expect((await reprocess({ scoring_config_id: mine })).statusCode).toBe(202);
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    const s = (await detail()).performance_scores;
    expect(s.scoring_config_id).toBe(mine);
    expect(s.overall_score).toBeCloseTo(0.7 * s.compliance_score + 0.3 * s.symmetry_score, 6);
    expect(s.compliance_score).toBeCloseTo(61.05, 2);

    // null: resolved again, which finds the patient's newest active configuration
    expect((await reprocess({ scoring_config_id: TRIAL_DEFAULT })).statusCode).toBe(202);
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    expect((await detail()).performance_scores.scoring_config_id).toBe(TRIAL_DEFAULT);
    expect((await reprocess({ scoring_config_id: null })).statusCode).toBe(202);
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    expect((await detail()).performance_scores.scoring_config_id).toBe(mine);
  });

  it("refuses another therapist's configuration and an unknown one, and changes nothing", async () => {
    const theirs = await createConfig(bob, { configuration_name: 'Bob wide', scope: 'therapist' });
    const before = await detail();
    // another therapist's configuration is not visible to this one
    const foreign = await reprocess({ scoring_config_id: theirs });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toBe('scoring_config_not_found');
    const unknown = await reprocess({ scoring_config_id: '0b7a7b1e-1111-4222-8333-944445555666' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('scoring_config_not_found');
    const after = await detail();
    expect([after.status, after.result_version]).toEqual(['completed', before.result_version]);
  });
});
