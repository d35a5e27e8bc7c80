import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'session-settings-used-e2e-secret-32-chars';
const FILE = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';

// session_settings of GET /sessions/{code} holds the settings the analysis ran with: the same
// numbers as the stored per-channel analytics, not defaults, including a 0 % threshold and 0
// expected contractions (which the table refused before migration 0016, so 75 % and 12 showed).
describe('session_settings: the settings the analysis used', () => {
  let t: TestApp;
  let alice: TestUser;
  const auth = async () => bearer(await signHs256(SECRET, supabaseClaims(alice)));

  /**
   * Uploads FILE for a new patient (the same file twice for one patient is a duplicate) with the
   * given fields, waits for it and returns GET /sessions/{code}.
   */
  const process = async (fields: Record<string, string | number>) => {
    const p = await t.app.inject({ method: 'POST', url: '/patients', headers: await auth(), payload: {} });
    expect(p.statusCode).toBe(201);
    const patientCode = p.json<{ patient_code: string }>().patient_code;
    const body = multipart({ name: FILE, content: ghostly(FILE) }, { patient_code: patientCode, ...fields });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth()), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    const code = res.json<{ session_code: string }>().session_code;
    expect(await waitForSession(t, await auth(), code)).toMatchObject({
      status: 'completed',
      error_message: null,
    });
    const detail = await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth() });
    expect(detail.statusCode).toBe(200);
    return detail.json<{
      session_settings: Record<string, unknown>;
      channels: { analytics: Record<string, unknown> }[];
    }>();
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    alice = await createUser(t.database, 'therapist');
  });
  afterAll(async () => t.close());

  it('a session with 30 %, 5 expected contractions and 1500 ms stores exactly those', async () => {
    const d = await process({
      session_mvc_threshold_percentage: 30,
      session_expected_contractions: 5,
      contraction_duration_threshold: 1500,
    });
    expect(d.session_settings).toMatchObject({
      mvc_threshold_percentage: 30,
      target_contractions_ch1: 5,
      target_contractions_ch2: 5,
      target_duration_ch1_ms: 1500,
      target_duration_ch2_ms: 1500,
    });
    // the same numbers as the analysis of each channel
    for (const [i, ch] of (['ch1', 'ch2'] as const).entries()) {
      const a = d.channels[i]!.analytics;
      expect(a).toMatchObject({
        mvc_threshold_percentage: 30,
        expected_contractions: 5,
        duration_threshold_actual_value: 1500,
      });
      expect(d.session_settings[`target_mvc75_${ch}`]).toBeCloseTo(a.mvc75_threshold as number, 12);
      expect(a.mvc75_threshold as number).toBeCloseTo(((a.mvc_value as number) * 30) / 100, 12);
    }
  });

  it('a 0 % threshold and 0 expected contractions are stored as 0, not as the defaults', async () => {
    const d = await process({ session_mvc_threshold_percentage: 0, session_expected_contractions: 0 });
    expect(d.session_settings).toMatchObject({
      mvc_threshold_percentage: 0,
      target_contractions_ch1: 0,
      target_contractions_ch2: 0,
      target_mvc75_ch1: 0,
      target_mvc75_ch2: 0,
    });
    expect(d.channels[0]!.analytics).toMatchObject({ mvc_threshold_percentage: 0, expected_contractions: 0 });
  });

  it('per-channel expected contractions are stored per channel', async () => {
    const d = await process({
      session_expected_contractions_ch1: 4,
      session_expected_contractions_ch2: 9,
    });
    expect(d.session_settings).toMatchObject({ target_contractions_ch1: 4, target_contractions_ch2: 9 });
    expect(d.channels.map((c) => c.analytics.expected_contractions)).toEqual([4, 9]);
  });

  it('the default upload stores 75 % and 12 contractions', async () => {
    const d = await process({});
    expect(d.session_settings).toMatchObject({
      mvc_threshold_percentage: 75,
      target_contractions_ch1: 12,
      target_contractions_ch2: 12,
      target_duration_ch1_ms: 2000,
      target_duration_ch2_ms: 2000,
    });
    expect(d.channels.map((c) => c.analytics.mvc_threshold_percentage)).toEqual([75, 75]);
  });
});
