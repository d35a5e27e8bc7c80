import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readC3d } from '@app/c3d';
import { analyzeC3d } from '@app/analysis';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart } from '../support/session-helpers.js';

const SECRET = 'upload-e2e-secret-with-at-least-32-chars';
const FILE = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';

describe('POST /upload (stateless analysis)', () => {
  let t: TestApp;
  let user: TestUser;
  const post = async (
    file: { name: string; content: Buffer } | null,
    fields: Record<string, string | number | boolean> = {},
  ) => {
    const body = multipart(file, fields);
    return t.app.inject({
      method: 'POST',
      url: '/upload',
      headers: { ...bearer(await signHs256(SECRET, supabaseClaims(user))), ...body.headers },
      payload: body.payload,
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET, MAX_UPLOAD_BYTES: String(2 * 1024 * 1024) });
    user = await createUser(t.database, 'researcher');
  });
  afterAll(async () => t.close());

  it('returns the emg-c3d analyze --json report, without signals by default', async () => {
    const res = await post({ name: FILE, content: ghostly(FILE) }, { patient_id: 'P001' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expected = JSON.parse(JSON.stringify(analyzeC3d(readC3d(ghostly(FILE)))));
    for (const key of [
      'metadata',
      'analytics',
      'available_channels',
      'channel_errors',
      'performance_analysis',
      'processing_profile',
      'processing_options_used',
    ]) {
      expect(body[key]).toEqual(expected[key]);
    }
    expect(body).toMatchObject({ source_filename: FILE, patient_id: 'P001', user_id: null });
    expect(body.emg_signals).toBeUndefined();
    expect(body.performance_analysis.overall_score).toBeCloseTo(82.07, 2);
  });

  it('applies the optional parameters', async () => {
    const res = await post(
      { name: FILE, content: ghostly(FILE) },
      { contraction_duration_threshold: 300, session_mvc_threshold_percentage: 50 },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().analytics.CH1).toMatchObject({
      duration_threshold_actual_value: 300,
      mvc_threshold_percentage: 50,
    });
  });

  it('returns downsampled signals on request, at most max_points per channel', async () => {
    const res = await post(
      { name: FILE, content: ghostly(FILE) },
      { include_signals: true, max_points: 500 },
    );
    expect(res.statusCode).toBe(200);
    const signals = res.json().emg_signals;
    expect(Object.keys(signals).sort()).toEqual(['CH1', 'CH2']);
    expect(signals.CH1.data.length).toBeLessThanOrEqual(500);
    expect(signals.CH1.data.length).toBe(signals.CH1.time_axis.length);
    expect(signals.CH1.samples).toBe(74280);
    // the envelope's points carry their own times: same count, ascending, within the recording
    const { rms_envelope: env, rms_envelope_time_axis: envTime } = signals.CH1;
    expect(env.length).toBeGreaterThan(0);
    expect(envTime).toHaveLength(env.length);
    expect(envTime.every((x: number, i: number) => i === 0 || x > envTime[i - 1])).toBe(true);
    expect(envTime[envTime.length - 1]).toBeLessThan(74280 / 990);
    // the envelope's maximum survives downsampling (min/max buckets)
    const report = res.json();
    expect(Math.max(...env)).toBeCloseTo(report.analytics.CH1.max_amplitude, 12);
    expect(res.payload.length).toBeLessThan(200_000);
    expect(
      (await post({ name: FILE, content: ghostly(FILE) }, { include_signals: true, max_points: 20001 }))
        .statusCode,
    ).toBe(400);
  });

  it('answers 413 past MAX_UPLOAD_BYTES, 422 with the reader code for unreadable files, 400 without a file', async () => {
    const big = await post({ name: 'big.c3d', content: Buffer.alloc(2 * 1024 * 1024 + 10) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('payload_too_large');
    const text = await post({
      name: 'notes.c3d',
      content: Buffer.from('hello, this is not a C3D file at all'.repeat(20)),
    });
    expect(text.statusCode).toBe(422);
    expect(['bad_header', 'truncated', 'bad_parameter_section', 'unsupported_processor']).toContain(
      text.json().error,
    );
    const wrongExt = await post({ name: 'data.csv', content: ghostly(FILE) });
    expect(wrongExt.statusCode).toBe(422);
    expect(wrongExt.json().error).toBe('not_c3d');
    const none = await post(null, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toBe('file_missing');
  });
});
