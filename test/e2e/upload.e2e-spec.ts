import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readC3d } from '@app/c3d';
import { analyzeC3d, buildEmgSignals } from '@app/analysis';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAD_INPUT_DIR, ghostly, multipart } from '../support/session-helpers.js';

const SECRET = 'upload-e2e-secret-with-at-least-32-chars';
const FILE = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';
const LARGEST = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';

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
    t = await createTestApp({ JWT_SECRET: SECRET, MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });
    user = await createUser(t.database, 'researcher');
  });
  afterAll(async () => t.close());

  it('returns the emg-c3d analyze --json report inside the original EMGAnalysisResult', async () => {
    const res = await post(
      { name: FILE, content: ghostly(FILE) },
      { patient_id: 'P001', include_signals: false },
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expected = JSON.parse(JSON.stringify(analyzeC3d(readC3d(ghostly(FILE)))));
    for (const key of [
      'analytics',
      'available_channels',
      'channel_errors',
      'processing_profile',
      'processing_options_used',
    ]) {
      expect(body[key]).toEqual(expected[key]);
    }
    const { session_configuration: sc, ...scores } = body.performance_analysis;
    expect(scores).toEqual(expected.performance_analysis);
    expect(sc).toEqual(body.session_configuration);
    expect(body.metadata).toEqual(expected.metadata);
    expect(body).toMatchObject({
      source_filename: FILE,
      patient_id: 'P001',
      user_id: null,
      session_id: null,
    });
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

  it('uses per-channel MVC values and percentages (the original ignored them)', async () => {
    const res = await post(
      { name: FILE, content: ghostly(FILE) },
      {
        session_mvc_values: JSON.stringify({ CH1: 2e-4, CH2: null }),
        session_mvc_threshold_percentages: JSON.stringify({ CH1: 50 }),
      },
    );
    expect(res.statusCode).toBe(200);
    const { CH1, CH2 } = res.json().analytics;
    expect(CH1).toMatchObject({
      mvc_value: 2e-4,
      mvc_threshold_percentage: 50,
      mvc_estimation_method: 'user_provided',
    });
    expect(CH1.mvc75_threshold).toBeCloseTo(1e-4, 18);
    // null member: not given, so CH2 is estimated as without it
    expect(CH2.mvc_estimation_method).toBe('backend_estimation');
  });

  it('reads empty fields and "null" as not given, never 0', async () => {
    const blank = await post(
      { name: FILE, content: ghostly(FILE) },
      {
        threshold_factor: '',
        min_duration_ms: '',
        smoothing_window: '',
        session_mvc_value: '',
        session_mvc_threshold_percentage: 'null',
        contraction_duration_threshold: '',
        session_expected_contractions: '',
        include_signals: false,
      },
    );
    expect(blank.statusCode).toBe(200);
    const plain = await post({ name: FILE, content: ghostly(FILE) }, { include_signals: false });
    expect(blank.json().analytics).toEqual(plain.json().analytics);
    expect(blank.json().performance_analysis).toEqual(plain.json().performance_analysis);
  });

  it('ignores fields it does not read instead of refusing them', async () => {
    const res = await post(
      { name: FILE, content: ghostly(FILE) },
      { filename: 'shown-name.c3d', some_client_setting: 'x', another: '{"a":null}', include_signals: false },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().source_filename).toBe('shown-name.c3d');
  });

  it('signals by default: every available channel, one time axis per entry, at most 6000 points', async () => {
    const res = await post({ name: LARGEST, content: ghostly(LARGEST) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const signals = body.emg_signals;
    expect(Object.keys(signals)).toEqual(body.available_channels);
    expect(body.available_channels).toEqual([
      'CH1 Raw',
      'CH2 Raw',
      'CH1 activated',
      'CH1 activated Raw',
      'CH2 activated',
      'CH2 activated Raw',
      'CH1 Processed',
      'CH2 Processed',
    ]);
    const full = buildEmgSignals(readC3d(ghostly(LARGEST)));
    for (const [name, entry] of Object.entries(signals) as [
      string,
      Record<string, number[] | number | null>,
    ][]) {
      const time = entry.time_axis as number[];
      expect(time.length).toBeLessThanOrEqual(6000);
      expect(entry.sampling_rate).toBe(990);
      expect(entry.samples).toBe(173370);
      for (const key of ['data', 'rms_envelope', 'processed_data'] as const) {
        if (entry[key] !== null) expect(entry[key]).toHaveLength(time.length);
      }
      // values at sampled indices are the full-resolution values at those instants
      const f = full.entries.get(name)!;
      for (const k of [0, 123, time.length - 1]) {
        const i = Math.round(time[k]! * 990);
        expect((entry.data as number[])[k]).toBe(f.data[i]);
      }
    }
    expect(signals['CH1 Raw'].processed_data).not.toBeNull();
    expect(signals['CH1 activated'].processed_data).toBeNull();
    // the envelope's maximum survives downsampling (min/max buckets)
    expect(Math.max(...signals['CH1 Processed'].data)).toBeCloseTo(body.analytics.CH1.max_amplitude, 12);
    // the largest GHOSTLY file's default answer stays under 5 MB of JSON
    expect(res.payload.length).toBeLessThan(5 * 1024 * 1024);
  });

  it('max_points bounds the signals; 0 is full resolution; out of range is refused with 422', async () => {
    const small = await post({ name: FILE, content: ghostly(FILE) }, { max_points: 500 });
    expect(small.json().emg_signals['CH1 Raw'].time_axis.length).toBeLessThanOrEqual(500);
    const full = await post({ name: FILE, content: ghostly(FILE) }, { max_points: 0 });
    expect(full.json().emg_signals['CH2 Processed'].data).toHaveLength(74280);
    const tooMany = await post({ name: FILE, content: ghostly(FILE) }, { max_points: 200_001 });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ error: 'validation_failed', detail: 'Request validation failed' });
  });

  it('refuses thresholds out of range and maps naming unknown channels', async () => {
    const pct = await post({ name: FILE, content: ghostly(FILE) }, { session_mvc_threshold_percentage: 101 });
    expect(pct.statusCode).toBe(422);
    const map = await post({ name: FILE, content: ghostly(FILE) }, { session_mvc_values: '{"CH1": "high"}' });
    expect(map.statusCode).toBe(422);
    expect(JSON.stringify(map.json().details)).toContain('session_mvc_values');
    const unknown = await post(
      { name: FILE, content: ghostly(FILE) },
      { session_mvc_values: '{"CH9": 1e-4}' },
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toBe('unknown_channel');
  });

  it('answers as the original: 413 past MAX_UPLOAD_BYTES, 400 with the reader code for files that are not readable C3D, 422 without a file', async () => {
    const big = await post({ name: 'big.c3d', content: Buffer.alloc(4 * 1024 * 1024 + 10) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('payload_too_large');
    const text = await post({
      name: 'notes.c3d',
      content: Buffer.from('hello, this is not a C3D file at all'.repeat(20)),
    });
    expect(text.statusCode).toBe(400);
    expect(['bad_header', 'truncated', 'bad_parameter_section', 'unsupported_processor']).toContain(
      text.json().error,
    );
    expect(text.json().detail).toBe(text.json().message);
    // a C3D cut off before its samples reads, but has no EMG to analyse: 422
    const truncated = await post({ name: FILE, content: ghostly(FILE).subarray(0, 3000) });
    expect(truncated.statusCode).toBe(422);
    expect(truncated.json().error).toBe('no_emg_channels');
    const wrongExt = await post({ name: 'data.csv', content: ghostly(FILE) });
    expect(wrongExt.statusCode).toBe(400);
    expect(wrongExt.json().error).toBe('not_c3d');
    const empty = await post({ name: 'empty.c3d', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toBe('empty_file');
    const none = await post(null, {});
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toBe('file_missing');
  });

  it('a C3D without EMG, or whose channels all fail validation, is a 422 with per-channel reasons', async () => {
    const none = await post({
      name: 'none.c3d',
      content: readFileSync(join(BAD_INPUT_DIR, 'no-emg-channels.c3d')),
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toBe('no_emg_channels');
    const other = readFileSync(join(process.cwd(), 'test/fixtures/c3d/ok/sample01-intel-float.c3d'));
    const res = await post({ name: 'sample01.c3d', content: other }, { include_signals: false });
    expect(res.statusCode).toBe(422);
    const reasons = res.json().details.channel_errors as Record<string, { code: string; message: string }>;
    expect(Object.keys(reasons).length).toBeGreaterThan(0);
    for (const r of Object.values(reasons)) {
      expect(typeof r.code).toBe('string');
      expect(typeof r.message).toBe('string');
    }
  });

  it('needs a token unless ANONYMOUS_ANALYSIS is on', async () => {
    const body = multipart({ name: FILE, content: ghostly(FILE) }, { include_signals: false });
    const res = await t.app.inject({
      method: 'POST',
      url: '/upload',
      headers: body.headers,
      payload: body.payload,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe(res.json().message);
  });
});
