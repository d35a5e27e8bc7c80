import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'patients-client-e2e-secret-with-32-chars';

/**
 * PUT /patients/{code}/treatment-targets and /medical-info with the bodies the original client's
 * PatientProfile sends (empty inputs as null or '', durations as seconds x 1000, its own BMI).
 */
describe('patients: treatment targets and medical info as the original client sends them', () => {
  let t: TestApp;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let researcher: TestUser;
  let code: string;
  const call = async (u: TestUser, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: bearer(await signHs256(SECRET, supabaseClaims(u))),
      ...(payload ? { payload } : {}),
    });

  // what handleSaveTreatmentTargets sends after the therapist typed 0.35 mV, 2.1 s and 50 %
  const seconds = (s: string) => parseFloat(s) * 1000;
  const targets = {
    current_mvc75_ch1: 0.35,
    current_mvc75_ch2: 0.4,
    current_target_ch1_ms: seconds('2.1'),
    current_target_ch2_ms: seconds('2'),
    bfr_target_lop_percentage_ch1: 50,
    bfr_target_lop_percentage_ch2: 45,
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    admin = await createUser(t.database, 'admin');
    alice = await createUser(t.database, 'therapist', { lastName: 'Alice' });
    bob = await createUser(t.database, 'therapist', { lastName: 'Bob' });
    researcher = await createUser(t.database, 'researcher');
    code = (await call(alice, 'POST', '/patients', {})).json().patient_code;
  });
  afterAll(async () => t.close());

  it('stores the treatment targets and answers with them', async () => {
    const res = await call(alice, 'PUT', `/patients/${code}/treatment-targets`, targets);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ patient_code: code, ...targets });
    expect(res.json().current_target_ch1_ms).toBeCloseTo(2100, 9);
    const patient = (await call(alice, 'GET', `/patients/${code}`)).json();
    expect(patient).toMatchObject(targets);
  });

  it('clears a target sent as null (a BFR target back to 50 %) and keeps an absent one', async () => {
    await call(alice, 'PUT', `/patients/${code}/treatment-targets`, targets);
    const res = await call(alice, 'PUT', `/patients/${code}/treatment-targets`, {
      ...targets,
      current_mvc75_ch2: null,
      current_target_ch2_ms: null,
      bfr_target_lop_percentage_ch2: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      current_mvc75_ch1: 0.35,
      current_mvc75_ch2: null,
      current_target_ch2_ms: null,
      bfr_target_lop_percentage_ch2: 50,
    });
    const partial = await call(alice, 'PUT', `/patients/${code}/treatment-targets`, {
      current_mvc75_ch1: 0.5,
    });
    expect(partial.json()).toMatchObject({ current_mvc75_ch1: 0.5, current_target_ch1_ms: 2100 });
  });

  it.each([
    ['a negative MVC', { current_mvc75_ch1: -1 }],
    ['a zero duration', { current_target_ch1_ms: 0 }],
    ['a duration over a minute', { current_target_ch2_ms: 60_001 }],
    ['a BFR target over 100 %', { bfr_target_lop_percentage_ch1: 101 }],
    ['a BFR target below 0 %', { bfr_target_lop_percentage_ch2: -5 }],
    ['a number as text', { current_mvc75_ch1: '0.3' }],
    ['an unknown field', { current_mvc75_ch3: 1 }],
  ])('refuses %s with 400 and a detail, changing nothing', async (_what, body) => {
    const before = (await call(alice, 'GET', `/patients/${code}`)).json();
    const res = await call(alice, 'PUT', `/patients/${code}/treatment-targets`, { ...targets, ...body });
    expect(res.statusCode).toBe(400);
    expect(typeof res.json().detail).toBe('string');
    expect(res.json().detail).toBe(res.json().message);
    const after = (await call(alice, 'GET', `/patients/${code}`)).json();
    expect(after.updated_at).toBe(before.updated_at);
  });

  it('lets an admin set them, answers 404 to another therapist and 403 to a researcher', async () => {
    expect((await call(admin, 'PUT', `/patients/${code}/treatment-targets`, targets)).statusCode).toBe(200);
    const other = await call(bob, 'PUT', `/patients/${code}/treatment-targets`, targets);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: 'patient_not_found', detail: `Patient ${code} not found` });
    expect((await call(researcher, 'PUT', `/patients/${code}/treatment-targets`, targets)).statusCode).toBe(
      403,
    );
  });

  it('accepts the demographics save: empty inputs as "", the stored BMI echoed back', async () => {
    const res = await call(alice, 'PUT', `/patients/${code}/medical-info`, {
      first_name: 'Ada',
      last_name: 'Lovelace',
      date_of_birth: '1941-12-10',
      gender: 'female',
      room_number: '',
      admission_date: '',
      primary_diagnosis: null,
      mobility_status: null,
      bmi_value: null,
      bmi_status: null,
      cognitive_status: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      gender: 'female',
      room_number: null,
      admission_date: null,
      mobility_status: 'bed_rest',
      bmi_value: null,
    });
  });

  it('accepts the medical info save with its own BMI, and derives BMI itself', async () => {
    const res = await call(alice, 'PUT', `/patients/${code}/medical-info`, {
      first_name: 'Ada',
      last_name: 'Lovelace',
      date_of_birth: '1941-12-10',
      gender: 'female',
      room_number: '12B',
      admission_date: '2026-11-01',
      primary_diagnosis: 'Hip fracture',
      mobility_status: 'wheelchair',
      height_cm: 170,
      weight_kg: 70,
      // the client's own computation; a stale or wrong value is ignored, never refused
      bmi_value: 99.9,
      bmi_status: 'obese',
      cognitive_status: 'alert',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      room_number: '12B',
      admission_date: '2026-11-01',
      mobility_status: 'wheelchair',
      bmi_value: 24.2,
      bmi_status: 'normal',
    });
    const other = await call(bob, 'PUT', `/patients/${code}/medical-info`, {
      first_name: 'X',
      last_name: 'Y',
      date_of_birth: '1950-01-01',
      gender: 'male',
    });
    expect(other.statusCode).toBe(404);
  });
});
