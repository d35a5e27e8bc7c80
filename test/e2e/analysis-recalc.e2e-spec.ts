import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart } from '../support/session-helpers.js';

const SECRET = 'recalc-e2e-secret-with-at-least-32-chars';
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';

describe('POST /analysis/recalc and POST /mvc/calibrate', () => {
  let t: TestApp;
  let user: TestUser;
  let auth: Record<string, string>;
  let base: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  const upload = async (fields: Record<string, string | number> = {}) => {
    const body = multipart({ name: FILE, content: ghostly(FILE) }, fields);
    const res = await t.app.inject({
      method: 'POST',
      url: '/upload',
      headers: { ...auth, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const recalc = (payload: unknown, headers: Record<string, string> = auth) =>
    t.app.inject({ method: 'POST', url: '/analysis/recalc', headers, payload: payload as object });

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET, MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });
    user = await createUser(t.database, 'therapist');
    auth = bearer(await signHs256(SECRET, supabaseClaims(user)));
    base = await upload();
  });
  afterAll(async () => t.close());

  it('re-flags and recounts exactly as a fresh /upload with the same thresholds, and rescores', async () => {
    const sessionParams = {
      session_mvc_threshold_percentage: 60,
      contraction_duration_threshold: 400,
      session_mvc_values: { CH1: null, CH2: 1e-5 },
      session_expected_contractions_ch2: 10,
    };
    const res = await recalc({ existing: base, session_params: sessionParams });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    const fresh = await upload({
      session_mvc_threshold_percentage: 60,
      contraction_duration_threshold: 400,
      session_mvc_values: JSON.stringify({ CH2: 1e-5 }),
      session_expected_contractions_ch2: 10,
    });
    expect(out.analytics).toEqual(fresh.analytics);
    const { session_configuration: a, ...scores } = out.performance_analysis;
    const { session_configuration: b, ...freshScores } = fresh.performance_analysis;
    expect(scores).toEqual(freshScores);
    expect(a).toEqual(b);
    expect(out.performance_analysis.overall_score).not.toBe(base.performance_analysis.overall_score);
    // contraction boundaries unchanged
    expect(out.analytics.CH1.contractions.map((c: { start_index: number }) => c.start_index)).toEqual(
      base.analytics.CH1.contractions.map((c: { start_index: number }) => c.start_index),
    );
    // everything else carried over
    for (const key of [
      'file_id',
      'timestamp',
      'source_filename',
      'emg_signals',
      'c3d_parameters',
      'available_channels',
    ]) {
      expect(out[key]).toEqual(base[key]);
    }
    expect(out.metadata.session_parameters_used.session_mvc_values.CH2).toBe(1e-5);
    expect(out.session_parameters).toMatchObject({
      target_duration_ch1_ms: 400,
      target_contractions_ch2: 10,
    });
    expect(out.processing_parameters.mvc_threshold_percentage).toBe(60);
  });

  it('re-evaluates a seniam-v1 answer with that profile, equal to a fresh seniam-v1 upload', async () => {
    const seniam = await upload({ profile: 'seniam-v1' });
    expect(seniam.processing_profile.name).toBe('seniam-v1');
    const sessionParams = { session_mvc_threshold_percentage: 40, contraction_duration_threshold: 600 };
    const res = await recalc({ existing: seniam, session_params: sessionParams });
    expect(res.statusCode).toBe(200);
    const fresh = await upload({ profile: 'seniam-v1', ...sessionParams });
    for (const ch of ['CH1', 'CH2']) {
      expect(res.json().analytics[ch].contractions).toEqual(fresh.analytics[ch].contractions);
      expect(res.json().analytics[ch].good_contraction_count).toBe(
        fresh.analytics[ch].good_contraction_count,
      );
    }
    expect(res.json().performance_analysis.overall_score).toBe(fresh.performance_analysis.overall_score);
    expect(res.json().processing_profile.name).toBe('seniam-v1');
  });

  it('refuses an existing without analytics or signals, unknown channels and bad thresholds with 422', async () => {
    const noAnalytics = await recalc({ existing: { emg_signals: {} }, session_params: {} });
    expect(noAnalytics.statusCode).toBe(422);
    expect(noAnalytics.json()).toMatchObject({
      error: 'invalid_existing',
      detail: expect.stringContaining('analytics'),
    });
    const { emg_signals: _signals, ...withoutSignals } = base;
    const noSignals = await recalc({ existing: withoutSignals, session_params: {} });
    expect(noSignals.statusCode).toBe(422);
    expect(noSignals.json().detail).toContain('emg_signals');
    const unknown = await recalc({ existing: base, session_params: { session_mvc_values: { CH7: 1e-4 } } });
    expect(unknown.json().error).toBe('unknown_channel');
    const bad = await recalc({ existing: base, session_params: { session_mvc_threshold_percentage: 150 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.join()).toContain('session_params.session_mvc_threshold_percentage');
    const notJson = await recalc('not an object');
    expect(notJson.statusCode).toBeGreaterThanOrEqual(400);
    expect(notJson.statusCode).toBeLessThan(500);
    const badContraction = structuredClone(base);
    badContraction.analytics.CH1.contractions[0].max_amplitude = 'high';
    expect((await recalc({ existing: badContraction })).statusCode).toBe(422);
  });

  it('refuses deeply nested JSON quickly with 400, and accepts a full-resolution answer', async () => {
    const deep = '{"existing":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const started = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/analysis/recalc',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: deep,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'json_too_deep', detail: expect.any(String) });
    expect(Date.now() - started).toBeLessThan(1000);
    const nul = await t.app.inject({
      method: 'POST',
      url: '/analysis/recalc',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"existing":{"source_filename":"a\\u0000b"}}',
    });
    expect(nul.statusCode).toBe(400);
    const full = await upload({ max_points: 0 });
    const body = JSON.stringify({ existing: full, session_params: { contraction_duration_threshold: 500 } });
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024); // past the server's default JSON limit
    const big = await t.app.inject({
      method: 'POST',
      url: '/analysis/recalc',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: body,
    });
    expect(big.statusCode).toBe(200);
    expect(big.json().analytics.CH1.duration_threshold_actual_value).toBe(500);
  });

  it('calibrates MVC from a file: mvc_value equals the /upload estimate', async () => {
    const body = multipart(
      { name: FILE, content: ghostly(FILE) },
      { threshold_percentage: '80', user_id: 'u-1' },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/mvc/calibrate',
      headers: { ...auth, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({
      status: 'success',
      calibration_type: 'initial',
      file_info: { filename: FILE, channels_processed: ['CH1', 'CH2'], sampling_rate: 990 },
      user_id: 'u-1',
    });
    for (const ch of ['CH1', 'CH2']) {
      const e = out.mvc_estimations[ch];
      expect(e.mvc_value).toBe(base.analytics[ch].mvc_value);
      expect(e.threshold_value).toBeCloseTo(e.mvc_value * 0.8, 18);
      expect(e).toMatchObject({ threshold_percentage: 80, estimation_method: 'clinical_estimation' });
      expect(e.confidence_score).toBeGreaterThan(0);
      expect(e.confidence_score).toBeLessThanOrEqual(1);
      expect(e.metadata).toMatchObject({ signal_type: 'rms_envelope', source: 'full_resolution' });
      expect(typeof e.timestamp).toBe('string');
    }
  });

  it('calibrates from a file with the profile asked for; an unknown profile is refused', async () => {
    const form = multipart({ name: FILE, content: ghostly(FILE) }, { profile: 'seniam-v1' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/mvc/calibrate',
      headers: { ...auth, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().mvc_estimations.CH1.metadata.processing_profile).toBe('seniam-v1');
    expect(res.json().mvc_estimations.CH1.mvc_value).toBeGreaterThan(0);
    const bad = multipart({ name: FILE, content: ghostly(FILE) }, { profile: 'nope-v0' });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/mvc/calibrate',
      headers: { ...auth, ...bad.headers },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(422);
  });

  it('recalibrates from a previous answer (JSON form), exact at full resolution', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/mvc/calibrate',
      headers: auth,
      payload: { existing: base, session_params: { session_mvc_threshold_percentage: 70 } },
    });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.calibration_type).toBe('recalibration');
    expect(out.mvc_estimations.CH1.mvc_value).toBe(base.analytics.CH1.mvc_value);
    expect(out.mvc_estimations.CH1.threshold_percentage).toBe(70);
    expect(out.mvc_estimations.CH1.metadata.source).toBe('downsampled');
    const full = await upload({ max_points: 0 });
    const exact = await t.app.inject({
      method: 'POST',
      url: '/mvc/calibrate',
      headers: auth,
      payload: { existing: full },
    });
    expect(exact.json().mvc_estimations.CH2.mvc_value).toBe(full.analytics.CH2.mvc_value);
    expect(exact.json().mvc_estimations.CH2.metadata.source).toBe('full_resolution');
  });

  it('answers 400 with the original message for anything else', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/mvc/calibrate',
      headers: auth,
      payload: { hello: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(
      'Invalid request format. Send either FormData with file or JSON with existing analysis.',
    );
    const notC3d = multipart({ name: 'a.txt', content: Buffer.from('x') });
    const r2 = await t.app.inject({
      method: 'POST',
      url: '/mvc/calibrate',
      headers: { ...auth, ...notC3d.headers },
      payload: notC3d.payload,
    });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error).toBe('not_c3d');
  });
});
