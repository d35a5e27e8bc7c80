// POST/GET /patients/{code}/mvc (MVC calibration with history), the default profile of a patient,
// and sessions that use the latest calibration (both profiles) and their requested profile.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readC3d } from '@app/c3d';
import { calibrateMvcFromC3d } from '@app/analysis';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'mvc-baseline-e2e-secret-with-at-least-32-chars';
const TRIAL = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';
const SESSION_FILE = 'Ghostly_Emg_20230321_17-28-14-0160.c3d';

interface ChannelDetail {
  channel_name: string;
  analytics: { mvc_value: number; mvc_source?: string; seniam?: { quality: { passed: boolean } } };
}

describe('MVC calibration and processing profiles (embedded)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  let researcher: TestUser;
  let patient: string;
  let other: string;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const calibrateFile = async (
    u: TestUser,
    code: string,
    fields: Record<string, string | number> = {},
    name = TRIAL,
  ) => {
    const body = multipart({ name, content: ghostly(name) }, fields);
    return t.app.inject({
      method: 'POST',
      url: `/patients/${code}/mvc`,
      headers: { ...(await auth(u)), ...body.headers },
      payload: body.payload,
    });
  };
  const upload = async (u: TestUser, code: string, name: string, fields: Record<string, string> = {}) => {
    const body = multipart({ name, content: ghostly(name) }, { patient_code: code, ...fields });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth(u)), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    const sessionCode = res.json<{ session_code: string }>().session_code;
    expect(await waitForSession(t, await auth(u), sessionCode)).toMatchObject({ status: 'completed' });
    return sessionCode;
  };
  const detail = async (u: TestUser, code: string) =>
    (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth(u) })).json<{
      quality_gate: { passed: boolean; failing_channels: string[]; message: string | null } | null;
      processing_profile: string;
      channels: ChannelDetail[];
    }>();
  const expected = calibrateMvcFromC3d(readC3d(ghostly(TRIAL)), 500);

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    alice = await createUser(t.database, 'therapist');
    bob = await createUser(t.database, 'therapist');
    admin = await createUser(t.database, 'admin');
    researcher = await createUser(t.database, 'researcher');
    const mk = async () =>
      (
        await t.app.inject({ method: 'POST', url: '/patients', headers: await auth(alice), payload: {} })
      ).json<{
        patient_code: string;
      }>().patient_code;
    patient = await mk();
    other = await mk();
  });
  afterAll(async () => t.close());

  it('calibrates from a trial file: best-window MVC per profile and channel, with who/when/which file', async () => {
    const res = await calibrateFile(alice, patient, { window_ms: 500 });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({
      patient_code: patient,
      method: 'best_window_mean',
      window_ms: 500,
      source: 'file',
      source_file_name: TRIAL,
      source_session_code: null,
      created_by: alice.id,
    });
    expect(b.source_file_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.mvc_values).toEqual(expected.values);
    expect(b.windows['seniam-v1'].CH1.window_end_s - b.windows['seniam-v1'].CH1.window_start_s).toBeCloseTo(
      495 / 990,
      12,
    );
    expect(Date.parse(b.created_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses bad requests: window outside 500-1000 ms, both or neither source, a non-C3D file', async () => {
    expect((await calibrateFile(alice, patient, { window_ms: 499 })).statusCode).toBe(400);
    expect((await calibrateFile(alice, patient, { window_ms: 1001 })).statusCode).toBe(400);
    expect((await calibrateFile(alice, patient, { session_code: 'P001S001' })).json().error).toBe(
      'mvc_source_ambiguous',
    );
    const none = await t.app.inject({
      method: 'POST',
      url: `/patients/${patient}/mvc`,
      headers: await auth(alice),
      payload: {},
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toBe('file_missing');
    const body = multipart({ name: 'notes.txt', content: Buffer.from('hello') });
    const txt = await t.app.inject({
      method: 'POST',
      url: `/patients/${patient}/mvc`,
      headers: { ...(await auth(alice)), ...body.headers },
      payload: body.payload,
    });
    expect(txt.statusCode).toBe(422);
  });

  it("only the patient's therapist and admins calibrate or read calibrations", async () => {
    expect((await calibrateFile(bob, patient)).statusCode).toBe(404);
    expect((await calibrateFile(researcher, patient)).statusCode).toBe(403);
    const hist = await t.app.inject({
      method: 'GET',
      url: `/patients/${patient}/mvc`,
      headers: await auth(bob),
    });
    expect(hist.statusCode).toBe(404);
    const byAdmin = await calibrateFile(admin, patient, { window_ms: 1000 });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json().created_by).toBe(admin.id);
    expect(byAdmin.json().window_ms).toBe(1000);
  });

  it('keeps the history, newest first; the current baseline is the latest', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/patients/${patient}/mvc`,
      headers: await auth(alice),
    });
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.history.map((x: { window_ms: number }) => x.window_ms)).toEqual([1000, 500]);
    expect(h.current.id).toBe(h.history[0].id);
    // the other patient has none
    const none = await t.app.inject({
      method: 'GET',
      url: `/patients/${other}/mvc`,
      headers: await auth(alice),
    });
    expect(none.json()).toEqual({ patient_code: other, current: null, history: [] });
  });

  it('a later session uses the latest calibration when the upload gives no MVC, and says so (ghostly-v1)', async () => {
    const latest = calibrateMvcFromC3d(readC3d(ghostly(TRIAL)), 1000).values['ghostly-v1']!;
    const code = await upload(alice, patient, SESSION_FILE);
    const d = await detail(alice, code);
    expect(d.processing_profile).toMatch(/^ghostly-v1@/);
    for (const c of d.channels) {
      expect(c.analytics.mvc_source).toBe('calibration');
      expect(c.analytics.mvc_value).toBeCloseTo(latest[c.channel_name]!, 18);
    }
    // an MVC in the upload wins over the calibration
    const given = await upload(alice, patient, 'Ghostly_Emg_20231004_13-18-43-0464.c3d', {
      session_mvc_values: JSON.stringify({ CH1: 0.0002 }),
    });
    const g = await detail(alice, given);
    expect(g.channels[0]!.analytics.mvc_value).toBe(0.0002);
    expect(g.channels[0]!.analytics.mvc_source).toBeUndefined();
    expect(g.channels[1]!.analytics.mvc_source).toBe('calibration');
  });

  it('a patient without calibration is processed exactly as before (no mvc_source)', async () => {
    const code = await upload(alice, other, SESSION_FILE);
    const d = await detail(alice, code);
    expect(d.quality_gate).toBeNull();
    for (const c of d.channels) expect(c.analytics.mvc_source).toBeUndefined();
  });

  it('profile per request: seniam-v1 with the calibration, reported with the result', async () => {
    const code = await upload(alice, patient, 'Ghostly_Emg_20250310_11-46-23-0823.c3d', {
      profile: 'seniam-v1',
    });
    const d = await detail(alice, code);
    expect(d.processing_profile).toMatch(/^seniam-v1@/);
    expect(Object.keys(d)[0]).toBe('quality_gate');
    expect(d.quality_gate).toMatchObject({ passed: true, failing_channels: [], message: null });
    const latest = calibrateMvcFromC3d(readC3d(ghostly(TRIAL)), 1000).values['seniam-v1']!;
    for (const c of d.channels) {
      expect(c.analytics.mvc_source).toBe('calibration');
      expect(c.analytics.mvc_value).toBeCloseTo(latest[c.channel_name]!, 18);
      expect(c.analytics.seniam?.quality.passed).toBe(true);
    }
    const bad = multipart(
      { name: SESSION_FILE, content: ghostly(SESSION_FILE) },
      { patient_code: patient, profile: 'seniam-v9' },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth(alice)), ...bad.headers },
      payload: bad.payload,
    });
    expect(res.statusCode).toBe(400);
  });

  it('POST /upload with profile seniam-v1: the failing channel is named first in the answer', async () => {
    const name = 'Ghostly_Emg_20230321_17-33-14-0785.c3d';
    const body = multipart(
      { name, content: ghostly(name) },
      { profile: 'seniam-v1', include_signals: 'false' },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/upload',
      headers: { ...(await auth(alice)), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(Object.keys(r)[0]).toBe('quality_gate');
    expect(r.quality_gate.passed).toBe(false);
    expect(r.quality_gate.failing_channels).toEqual(['CH1']);
    expect(r.quality_gate.message).toContain('CH1 (clipping, flat_line)');
    expect(r.processing_profile.name).toBe('seniam-v1');
    expect(r.analytics.CH1.seniam.band_hz).toEqual([20, 445.5]);
    // ghostly-v1 (default): no gate, as the original
    const plain = multipart({ name, content: ghostly(name) }, { include_signals: 'false' });
    const g = await t.app.inject({
      method: 'POST',
      url: '/upload',
      headers: { ...(await auth(alice)), ...plain.headers },
      payload: plain.payload,
    });
    expect(g.json().quality_gate).toBeUndefined();
    expect(g.json().processing_profile.name).toBe('ghostly-v1');
  });

  it("calibrates from a stored session of the patient, not from another patient's", async () => {
    const own = await upload(alice, other, 'Ghostly_Emg_20250310_11-50-16-0578.c3d');
    const res = await t.app.inject({
      method: 'POST',
      url: `/patients/${other}/mvc`,
      headers: await auth(alice),
      payload: { session_code: own, window_ms: 750 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'session', source_session_code: own, window_ms: 750 });
    const expectedSession = calibrateMvcFromC3d(
      readC3d(ghostly('Ghostly_Emg_20250310_11-50-16-0578.c3d')),
      750,
    );
    expect(res.json().mvc_values).toEqual(expectedSession.values);
    const cross = await t.app.inject({
      method: 'POST',
      url: `/patients/${patient}/mvc`,
      headers: await auth(alice),
      payload: { session_code: own },
    });
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error).toBe('session_not_found');
  });

  it('per-patient default profile, and reprocess with another profile', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/patients/${other}/default-profile`,
      headers: await auth(alice),
      payload: { default_profile: 'seniam-v1' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({
      patient_code: other,
      default_profile: 'seniam-v1',
      effective_profile: 'seniam-v1',
    });
    const badPut = await t.app.inject({
      method: 'PUT',
      url: `/patients/${other}/default-profile`,
      headers: await auth(alice),
      payload: { default_profile: 'nope' },
    });
    expect(badPut.statusCode).toBe(400);
    const byBob = await t.app.inject({
      method: 'PUT',
      url: `/patients/${other}/default-profile`,
      headers: await auth(bob),
      payload: { default_profile: null },
    });
    expect(byBob.statusCode).toBe(404);
    const code = await upload(alice, other, 'Ghostly_Emg_20230321_17-33-14-0785.c3d');
    expect((await detail(alice, code)).processing_profile).toMatch(/^seniam-v1@/);
    const re = await t.app.inject({
      method: 'POST',
      url: `/sessions/${code}/reprocess`,
      headers: await auth(alice),
      payload: { profile: 'ghostly-v1' },
    });
    expect(re.statusCode).toBeLessThan(300);
    expect(await waitForSession(t, await auth(alice), code)).toMatchObject({ status: 'completed' });
    expect((await detail(alice, code)).processing_profile).toMatch(/^ghostly-v1@/);
  });
});
