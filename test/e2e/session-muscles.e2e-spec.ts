// POST /sessions keeps the channel-to-muscle mapping the original client sends with an upload
// (channel_muscle_mapping, JSON text in the form), else the patient's (PATCH /patients/{code}),
// and GET /sessions/{code} gives it back; PUT /sessions/{code}/muscles corrects it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'session-muscles-e2e-secret-with-32-chars';
const FILE = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';

describe('POST /sessions channel_muscle_mapping', () => {
  let t: TestApp;
  let alice: TestUser;
  let patientCode: string;
  const auth = async () => bearer(await signHs256(SECRET, supabaseClaims(alice)));

  /** A fresh patient each time (unless one is named), so that the same file makes a new session. */
  const upload = async (fields: Record<string, string>, patient?: string) => {
    if (patient) patientCode = patient;
    else {
      const p = await t.app.inject({ method: 'POST', url: '/patients', headers: await auth(), payload: {} });
      patientCode = p.json<{ patient_code: string }>().patient_code;
    }
    const body = multipart({ name: FILE, content: ghostly(FILE) }, { patient_code: patientCode, ...fields });
    return t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth()), ...body.headers },
      payload: body.payload,
    });
  };
  const mappingOf = async (fields: Record<string, string>, patient?: string) => {
    const res = await upload(fields, patient);
    expect(res.statusCode).toBe(202);
    const code = res.json<{ session_code: string }>().session_code;
    const detail = await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth() });
    return detail.json<{ channel_muscle_mapping: unknown }>().channel_muscle_mapping;
  };
  const patchPatient = async (code: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/patients/${code}`, headers: await auth(), payload });

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    alice = await createUser(t.database, 'therapist');
  });
  afterAll(async () => t.close());

  it('keeps the channels the mapping names; none named or none given is null', async () => {
    const sent = { CH1: ' Left Quadriceps ', CH2: 'Right Quadriceps', CH3: null, CH4: '  ' };
    expect(await mappingOf({ channel_muscle_mapping: JSON.stringify(sent) })).toEqual({
      CH1: 'Left Quadriceps',
      CH2: 'Right Quadriceps',
    });
    expect(await mappingOf({ channel_muscle_mapping: JSON.stringify({ CH1: null }) })).toBeNull();
    // the client's empty field and JSON null mean "not given"
    expect(await mappingOf({ channel_muscle_mapping: '' })).toBeNull();
    expect(await mappingOf({ channel_muscle_mapping: 'null' })).toBeNull();
    expect(await mappingOf({})).toBeNull();
  });

  it('refuses a mapping that is not an object of channel -> short text, and creates no session', async () => {
    const refused = [
      '["Left Quadriceps"]',
      '{"CH1": 3}',
      `{"CH1": "${'x'.repeat(201)}"}`,
      '{"CH1": "Left',
      '"Left Quadriceps"',
    ];
    for (const mapping of refused) {
      const res = await upload({ channel_muscle_mapping: mapping });
      expect([mapping, res.statusCode]).toEqual([mapping, 400]);
      const list = await t.app.inject({
        method: 'GET',
        url: `/sessions?patient_code=${patientCode}`,
        headers: await auth(),
      });
      expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    }
  });

  it("falls back to the patient's mapping as it is at upload; a later change leaves the session as it is", async () => {
    const p = await t.app.inject({ method: 'POST', url: '/patients', headers: await auth(), payload: {} });
    const code = p.json<{ patient_code: string }>().patient_code;
    const set = await patchPatient(code, {
      channel_muscle_mapping: { CH1: 'Left Vastus Lateralis', CH2: null },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ channel_muscle_mapping: { CH1: 'Left Vastus Lateralis' } });

    // no mapping of its own: the patient's; its own: its own
    const files = ['Ghostly_Emg_20230321_17-28-14-0160.c3d', 'Ghostly_Emg_20231004_13-18-43-0464.c3d'];
    const uploadFile = async (file: string, fields: Record<string, string>) => {
      const body = multipart({ name: file, content: ghostly(file) }, { patient_code: code, ...fields });
      const res = await t.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { ...(await auth()), ...body.headers },
        payload: body.payload,
      });
      const detail = await t.app.inject({
        method: 'GET',
        url: `/sessions/${res.json<{ session_code: string }>().session_code}`,
        headers: await auth(),
      });
      return detail.json<{ session_code: string; channel_muscle_mapping: unknown }>();
    };
    const inherited = await uploadFile(files[0]!, {});
    expect(inherited.channel_muscle_mapping).toEqual({ CH1: 'Left Vastus Lateralis' });
    expect(await mappingOf({ channel_muscle_mapping: '{"CH2": "Right Rectus Femoris"}' }, code)).toEqual({
      CH2: 'Right Rectus Femoris',
    });

    // clearing the patient's mapping changes no stored session, and later uploads have none
    const cleared = await patchPatient(code, { channel_muscle_mapping: null });
    expect(cleared.json()).toMatchObject({ channel_muscle_mapping: null });
    const again = await t.app.inject({
      method: 'GET',
      url: `/sessions/${inherited.session_code}`,
      headers: await auth(),
    });
    expect(again.json()).toMatchObject({ channel_muscle_mapping: { CH1: 'Left Vastus Lateralis' } });
    expect((await uploadFile(files[1]!, {})).channel_muscle_mapping).toBeNull();

    for (const bad of [['CH1'], { CH1: 3 }, 'CH1=Left']) {
      const res = await patchPatient(code, { channel_muscle_mapping: bad });
      expect([bad, res.statusCode >= 400 && res.statusCode < 500]).toEqual([bad, true]);
    }
    const unchanged = await t.app.inject({ method: 'GET', url: `/patients/${code}`, headers: await auth() });
    expect(unchanged.json()).toMatchObject({ channel_muscle_mapping: null });
  });

  it('PUT /sessions/{code}/muscles corrects a completed session’s labels without a new result', async () => {
    const res = await upload({ channel_muscle_mapping: '{"CH1": "Left Quadriceps"}' });
    const code = res.json<{ session_code: string }>().session_code;
    expect((await waitForSession(t, await auth(), code)).status).toBe('completed');
    const get = async (user = alice) =>
      t.app.inject({
        method: 'GET',
        url: `/sessions/${code}`,
        headers: bearer(await signHs256(SECRET, supabaseClaims(user))),
      });
    const put = async (payload: object, user = alice) =>
      t.app.inject({
        method: 'PUT',
        url: `/sessions/${code}/muscles`,
        headers: bearer(await signHs256(SECRET, supabaseClaims(user))),
        payload,
      });
    type Detail = { channel_muscle_mapping: unknown; result_version: number; performance_scores: unknown };
    const before = (await get()).json<Detail>(); // a completed session's detail is now cached
    const changed = await put({
      channel_muscle_mapping: { CH1: 'Left Vastus Medialis', CH2: 'Right Vastus Medialis' },
    });
    expect(changed.statusCode).toBe(200);
    const after = (await get()).json<Detail>();
    for (const detail of [changed.json<Detail>(), after])
      expect(detail).toMatchObject({
        channel_muscle_mapping: { CH1: 'Left Vastus Medialis', CH2: 'Right Vastus Medialis' },
        result_version: before.result_version,
        performance_scores: before.performance_scores,
      });
    expect((await put({ channel_muscle_mapping: null })).json<Detail>().channel_muscle_mapping).toBeNull();
    expect((await get()).json<Detail>().channel_muscle_mapping).toBeNull();

    // refused: no field, not a map; another therapist does not see the session; researchers read only
    for (const payload of [{}, { channel_muscle_mapping: ['CH1'] }, { channel_muscle_mapping: { CH1: 1 } }])
      expect([payload, (await put(payload)).statusCode]).toEqual([payload, 400]);
    const bob = await createUser(t.database, 'therapist');
    const researcher = await createUser(t.database, 'researcher');
    expect((await put({ channel_muscle_mapping: { CH1: 'x' } }, bob)).statusCode).toBe(404);
    expect((await put({ channel_muscle_mapping: { CH1: 'x' } }, researcher)).statusCode).toBe(403);
    expect((await get()).json<Detail>().channel_muscle_mapping).toBeNull();
  });
});
