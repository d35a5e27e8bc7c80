import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildEmgSignals } from '@app/analysis';
import { readC3d } from '@app/c3d';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'signals-e2e-secret-with-at-least-32-chars';
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';

describe('signals of stored sessions (/signals/jit and /sessions/{code}/signals)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  let code: string;
  let id: string;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const get = async (u: TestUser, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await auth(u) });
  const full = buildEmgSignals(readC3d(ghostly(FILE)));

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET, MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });
    alice = await createUser(t.database, 'therapist');
    bob = await createUser(t.database, 'therapist');
    admin = await createUser(t.database, 'admin');
    const p = await t.app.inject({
      method: 'POST',
      url: '/patients',
      headers: await auth(alice),
      payload: {},
    });
    const body = multipart({ name: FILE, content: ghostly(FILE) }, { patient_code: p.json().patient_code });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth(alice)), ...body.headers },
      payload: body.payload,
    });
    code = res.json().session_code;
    id = res.json().id;
    expect((await waitForSession(t, await auth(alice), code)).status).toBe('completed');
  });
  afterAll(async () => t.close());

  it('lists the channels by session id or code, with the real duration', async () => {
    for (const url of [
      `/signals/jit/${id}/channels`,
      `/signals/jit/${code}/channels`,
      `/sessions/${code}/signals`,
    ]) {
      const res = await get(alice, url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        success: true,
        session_id: id,
        session_code: code,
        channel_names: [...full.entries.keys()],
        channel_count: 8,
        sampling_rate: 990,
        samples: 173370,
        jit_enabled: true,
      });
      expect(res.json().duration_seconds).toBeCloseTo(173370 / 990, 10);
    }
  });

  it('serves one channel: raw values are the C3D samples, processed the analysis envelope', async () => {
    const raw = (await get(alice, `/signals/jit/${code}/ch1%20raw`)).json();
    expect(raw.channel_name).toBe('CH1 Raw');
    expect(raw.time_axis.length).toBeLessThanOrEqual(6000);
    expect(raw.data).toHaveLength(raw.time_axis.length);
    expect(raw.rms_envelope).toHaveLength(raw.time_axis.length);
    expect(raw.processed_data).toHaveLength(raw.time_axis.length);
    const f = full.entries.get('CH1 Raw')!;
    for (const k of [0, 1000, raw.time_axis.length - 1]) {
      const i = Math.round(raw.time_axis[k] * 990);
      expect(raw.data[k]).toBe(f.data[i]);
      expect(raw.processed_data[k]).toBe(f.processedData![i]);
    }
    expect(raw.duration_seconds).toBeCloseTo(173370 / 990, 10);
    const processed = (await get(alice, `/sessions/${code}/signals/CH2%20Processed?max_points=0`)).json();
    expect(processed.data).toEqual(Array.from(full.entries.get('CH2 Processed')!.data));
  });

  it('downsample_factor keeps every k-th sample and the duration stays the recording’s', async () => {
    const res = (
      await get(alice, `/signals/jit/${id}/CH1%20activated?downsample_factor=10&include_rms=false`)
    ).json();
    expect(res.points).toBe(17337);
    expect(res.time_axis[1]).toBe(10 / 990);
    expect(res.rms_envelope).toBeNull();
    expect(res.duration_seconds).toBeCloseTo(173370 / 990, 10);
  });

  it('keeps each bucket’s min and max', async () => {
    const res = (await get(alice, `/sessions/${code}/signals/CH1%20Processed?max_points=400`)).json();
    const env = full.entries.get('CH1 Processed')!.data;
    let max = -Infinity;
    for (const v of env) max = Math.max(max, v);
    expect(Math.max(...res.data)).toBe(max);
  });

  it('another therapist gets 404; an admin reads; unknown channel and session 404; bad query 422', async () => {
    expect((await get(bob, `/signals/jit/${code}/channels`)).statusCode).toBe(404);
    expect((await get(bob, `/sessions/${code}/signals/CH1%20Raw`)).statusCode).toBe(404);
    expect((await get(admin, `/signals/jit/${code}/CH1%20Raw`)).statusCode).toBe(200);
    const unknown = await get(alice, `/signals/jit/${code}/CH9`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      error: 'channel_not_found',
      detail: "Channel 'CH9' not found in C3D file",
    });
    expect((await get(alice, `/signals/jit/P999S999/channels`)).statusCode).toBe(404);
    expect((await get(alice, `/signals/jit/${code}/CH1%20Raw?max_points=-1`)).statusCode).toBe(422);
    const anonymous = await t.app.inject({ method: 'GET', url: `/signals/jit/${code}/channels` });
    expect(anonymous.statusCode).toBe(401);
  });
});
