import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims } from '../support/tokens.js';
import { ghostly, multipart } from '../support/session-helpers.js';

// The original web client's requests (test/fixtures/original-client), replayed as it sends them,
// asserting every response field it reads.
const SECRET = 'original-client-secret-with-32-chars-min';
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/original-client', `${name}.json`), 'utf8')) as T;

interface FormCall {
  url: string;
  file: string;
  fields: Record<string, string>;
}
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ANALYTICS_READ = [
  'contraction_count',
  'good_contraction_count',
  'mvc_compliant_count',
  'duration_compliant_count',
  'mvc75_threshold',
  'duration_threshold_actual_value',
  'avg_duration_ms',
  'min_duration_ms',
  'max_duration_ms',
  'total_time_under_tension_ms',
  'avg_amplitude',
  'max_amplitude',
  'rms',
  'mav',
  'mpf',
  'mdf',
  'fatigue_index_fi_nsm5',
  'rms_temporal_stats',
  'mav_temporal_stats',
  'mpf_temporal_stats',
  'mdf_temporal_stats',
  'fatigue_index_temporal_stats',
  'mvc_estimation_method',
  'expected_contractions',
  'errors',
];
const CONTRACTION_READ = [
  'start_time_ms',
  'end_time_ms',
  'duration_ms',
  'mean_amplitude',
  'max_amplitude',
  'is_good',
  'meets_mvc',
  'meets_duration',
];

function assertAnalysisResult(body: Json): void {
  for (const key of [
    'file_id',
    'timestamp',
    'source_filename',
    'metadata',
    'analytics',
    'available_channels',
    'emg_signals',
    'c3d_parameters',
    'user_id',
    'patient_id',
    'session_id',
    'session_parameters',
    'session_configuration',
    'processing_parameters',
    'performance_analysis',
    'scoring_configuration',
  ]) {
    expect([key, key in body]).toEqual([key, true]);
  }
  expect(body.timestamp).toMatch(/^\d{8}_\d{6}$/);
  for (const ch of ['CH1', 'CH2']) {
    const a = body.analytics[ch];
    for (const key of ANALYTICS_READ) expect([ch, key, key in a]).toEqual([ch, key, true]);
    expect(a.contractions.length).toBeGreaterThan(0);
    for (const key of CONTRACTION_READ) expect([key, key in a.contractions[0]]).toEqual([key, true]);
    expect(a.rms_temporal_stats).toHaveProperty('mean_value');
    expect(a.rms_temporal_stats).toHaveProperty('std_value');
  }
  for (const name of body.available_channels as string[]) {
    const s = body.emg_signals[name];
    for (const key of ['data', 'time_axis', 'sampling_rate', 'rms_envelope', 'processed_data']) {
      expect([name, key, key in s]).toEqual([name, key, true]);
    }
  }
  for (const key of [
    'time',
    'score',
    'level',
    'player_name',
    'therapist_id',
    'game_name',
    'duration',
    'group_id',
  ]) {
    expect([key, key in body.metadata]).toEqual([key, true]);
  }
  expect(body.metadata.session_parameters_used.session_mvc_values).toEqual({
    CH1: body.analytics.CH1.mvc_value,
    CH2: body.analytics.CH2.mvc_value,
  });
  expect(body.metadata.session_parameters_used.session_mvc_threshold_percentages).toBeDefined();
}

describe.each([
  ['ANONYMOUS_ANALYSIS=true, no token', 'true', false],
  ['ANONYMOUS_ANALYSIS off, with a token', 'false', true],
])('the original client’s analysis screen (%s)', (_, anonymous, withToken) => {
  let t: TestApp;
  let headers: Record<string, string> = {};
  let previous: Json;

  const form = async (call: FormCall, fields = call.fields) => {
    const body = multipart({ name: call.file, content: ghostly(call.file) }, fields);
    return t.app.inject({
      method: 'POST',
      url: call.url,
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };

  beforeAll(async () => {
    t = await createTestApp({
      JWT_SECRET: SECRET,
      ANONYMOUS_ANALYSIS: anonymous,
      MAX_UPLOAD_BYTES: String(4 * 1024 * 1024),
    });
    if (withToken)
      headers = bearer(await signHs256(SECRET, supabaseClaims(await createUser(t.database, 'therapist'))));
  });
  afterAll(async () => t.close());

  it('useAnalysisQuery: POST /upload with the whole settings store', async () => {
    const call = fixture<FormCall>('useAnalysisQuery');
    const res = await form(call);
    expect(res.statusCode).toBe(200);
    previous = res.json();
    assertAnalysisResult(previous);
    expect(previous.source_filename).toBe(call.fields.filename);
    expect(previous.patient_id).toBe('P001');
    expect(previous.user_id).toBeNull(); // sent empty: not given
    expect(previous.metadata.session_parameters_used.channel_muscle_mapping).toEqual({
      CH1: 'Left Quadriceps',
      CH2: 'Right Quadriceps',
    });
    // the clinical numbers of the defaults (the original's result for 0881)
    expect(previous.performance_analysis.overall_score).toBeCloseTo(78.25, 2);
  });

  it('FileUpload: POST /upload with empty fields', async () => {
    const res = await form(fixture<FormCall>('FileUpload'));
    expect(res.statusCode).toBe(200);
    assertAnalysisResult(res.json());
    expect(res.json().performance_analysis.overall_score).toBeCloseTo(82.07, 2);
  });

  it('useLiveAnalytics: POST /analysis/recalc with the previous answer', async () => {
    const { body } = fixture<{ body: { session_params: Json } }>('useLiveAnalytics');
    const res = await t.app.inject({
      method: 'POST',
      url: '/analysis/recalc',
      headers,
      payload: { existing: previous, session_params: body.session_params },
    });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    assertAnalysisResult(out);
    expect(out.analytics.CH1.mvc_threshold_percentage).toBe(60);
    expect(out.analytics.CH2.mvc_value).toBe(1e-5);
    expect(out.analytics.CH1.duration_threshold_actual_value).toBe(400);
    expect(out.analytics.CH2.duration_threshold_actual_value).toBe(400);
  });

  it('mvcService: POST /mvc/calibrate, file form and JSON form', async () => {
    const { file_form: fileForm, json_form: jsonForm } = fixture<{
      file_form: FormCall;
      json_form: { body: { session_params: Json } };
    }>('mvcService');
    const a = await form(fileForm);
    expect(a.statusCode).toBe(200);
    const b = await t.app.inject({
      method: 'POST',
      url: '/mvc/calibrate',
      headers,
      payload: { existing: previous, session_params: jsonForm.body.session_params },
    });
    expect(b.statusCode).toBe(200);
    for (const res of [a.json(), b.json()]) {
      for (const ch of ['CH1', 'CH2']) {
        const e = res.mvc_estimations[ch];
        for (const key of [
          'mvc_value',
          'threshold_value',
          'threshold_percentage',
          'estimation_method',
          'confidence_score',
        ]) {
          expect([ch, key, typeof e[key] === 'number' || typeof e[key] === 'string']).toEqual([
            ch,
            key,
            true,
          ]);
        }
        expect(e.mvc_value).toBe(previous.analytics[ch].mvc_value);
      }
    }
    expect(b.json().mvc_estimations.CH1.threshold_percentage).toBe(80);
  });

  it('useBackendDefaults: GET /config/defaults', async () => {
    const { reads } = fixture<{ reads: string[] }>('useBackendDefaults');
    const res = await t.app.inject({ method: 'GET', url: '/config/defaults', headers });
    expect(res.statusCode).toBe(200);
    for (const key of reads) expect(typeof res.json()[key]).toBe('number');
    expect(res.json()).toMatchObject({
      target_contractions_ch1: 12,
      target_contractions_ch2: 12,
      mvc_threshold_percentage: 75,
      therapeutic_duration_threshold_ms: 2000,
    });
  });

  it('reads `detail` from every error', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/analysis/recalc',
      headers,
      payload: { existing: {} },
    });
    expect(res.statusCode).toBe(422);
    expect(typeof res.json().detail).toBe('string');
  });
});

describe('with ANONYMOUS_ANALYSIS=true: stored data still needs a token; anonymous calls are limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      JWT_SECRET: SECRET,
      ANONYMOUS_ANALYSIS: 'true',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3',
    });
  });
  afterAll(async () => t.close());

  it('stored-data routes refuse anonymous calls even when anonymous analysis is on', async () => {
    for (const url of [
      '/sessions',
      '/patients',
      '/signals/jit/P001S001/channels',
      '/scoring/configurations',
    ]) {
      expect([url, (await t.app.inject({ method: 'GET', url })).statusCode]).toEqual([url, 401]);
    }
  });

  it('anonymous calls are rate-limited per address with Retry-After', async () => {
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await t.app.inject({ method: 'GET', url: '/config/defaults' });
      codes.push(last.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a token that is sent is verified', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/config/defaults',
      headers: { authorization: 'Bearer nope' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /config/defaults follows the configuration in force', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
  });
  afterAll(async () => t.close());

  it('is 401 without a token by default', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/config/defaults' })).statusCode).toBe(401);
  });

  it("a patient's configuration gives that patient's targets; the trial default elsewhere; others' patients 404", async () => {
    const alice = bearer(await signHs256(SECRET, supabaseClaims(await createUser(t.database, 'therapist'))));
    const bob = bearer(await signHs256(SECRET, supabaseClaims(await createUser(t.database, 'therapist'))));
    const patient = (
      await t.app.inject({ method: 'POST', url: '/patients', headers: alice, payload: {} })
    ).json();
    const created = await t.app.inject({
      method: 'POST',
      url: '/scoring/configurations/detailed',
      headers: alice,
      payload: {
        configuration_name: 'Short holds',
        scope: 'patient',
        patient_code: patient.patient_code,
        target_defaults: {
          target_duration_ch1_ms: 1500,
          target_duration_ch2_ms: 1200,
          target_contractions_ch1: 8,
          mvc_threshold_percentage: 60,
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const scoped = await t.app.inject({
      method: 'GET',
      url: `/config/defaults?patient_id=${patient.patient_code}`,
      headers: alice,
    });
    expect(scoped.statusCode).toBe(200);
    expect(scoped.json()).toMatchObject({
      target_contractions_ch1: 8,
      target_contractions_ch2: 12,
      mvc_threshold_percentage: 60,
      therapeutic_duration_threshold_ms: 1500,
      therapeutic_duration_threshold_ch2_ms: 1200,
      scoring_config_name: 'Short holds',
    });
    const plain = await t.app.inject({ method: 'GET', url: '/config/defaults', headers: alice });
    expect(plain.json()).toMatchObject({
      scoring_config_name: 'GHOSTLY-TRIAL-DEFAULT',
      target_contractions_ch1: 12,
    });
    const other = await t.app.inject({
      method: 'GET',
      url: `/config/defaults?patient_id=${patient.patient_code}`,
      headers: bob,
    });
    expect(other.statusCode).toBe(404);
  });
});
