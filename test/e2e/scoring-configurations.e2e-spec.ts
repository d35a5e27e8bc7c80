import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'scoring-configs-e2e-secret-with-at-least-32-chars';
const TRIAL_DEFAULT_ID = 'a0000000-0000-0000-0000-000000000001';
const TRIAL_WEIGHTS = {
  compliance: 0.5,
  symmetry: 0.25,
  effort: 0.25,
  game: 0,
  completion: 0.333,
  intensity: 0.333,
  duration: 0.334,
};
const TRIAL_RPE = { 0: 10, 1: 25, 2: 50, 3: 85, 4: 100, 5: 100, 6: 75, 7: 50, 8: 25, 9: 15, 10: 10 };
const TRIAL_TARGETS = {
  mvc_threshold_percentage: 75,
  target_duration_ch1_ms: 2000,
  target_duration_ch2_ms: 2000,
  target_contractions_ch1: 12,
  target_contractions_ch2: 12,
  bfr_target_lop_percentage_ch1: 50,
  bfr_target_lop_percentage_ch2: 50,
};

type Method = 'GET' | 'POST' | 'PATCH';

describe('scoring configurations API', () => {
  let t: TestApp;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let researcher: TestUser;
  let alicePatient: string;
  let bobPatient: string;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const call = async (u: TestUser, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: await auth(u), ...(payload ? { payload } : {}) });
  // The detailed view (scope, nested weights, RPE mapping, targets); the original's flat shape
  // at the bare path is scoring-configurations-original.e2e-spec.ts.
  const create = (u: TestUser, payload: object) =>
    call(u, 'POST', '/scoring/configurations/detailed', payload);
  const countConfigs = async () =>
    Number(
      (
        await t.database.kysely
          .selectFrom('scoring_configuration')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const newPatient = async (u: TestUser, payload: object = {}) => {
    const res = await call(u, 'POST', '/patients', payload);
    expect(res.statusCode).toBe(201);
    return res.json<{ patient_code: string }>().patient_code;
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    admin = await createUser(t.database, 'admin');
    alice = await createUser(t.database, 'therapist', { lastName: 'Alice' });
    bob = await createUser(t.database, 'therapist', { lastName: 'Bob' });
    researcher = await createUser(t.database, 'researcher');
    alicePatient = await newPatient(alice);
    bobPatient = await newPatient(admin, { therapist_id: bob.id });
  });
  afterAll(async () => t.close());

  it('lets an admin create a global configuration with the trial defaults filled in', async () => {
    const res = await create(admin, { configuration_name: 'Site-wide', scope: 'global', weight_game: 0 });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      configuration_name: 'Site-wide',
      description: null,
      scope: 'global',
      patient_code: null,
      therapist_id: null,
      active: true,
      weights: TRIAL_WEIGHTS,
      rpe_mapping: TRIAL_RPE,
      target_defaults: TRIAL_TARGETS,
    });
    expect(body.id).not.toBe(TRIAL_DEFAULT_ID);
    expect(Date.parse(body.created_at)).not.toBeNaN();
    const stored = await t.database.kysely
      .selectFrom('scoring_configuration')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ is_global: true, created_by: admin.id, patient_id: null });
    expect(stored.rpe_mapping?.['3']).toEqual({ score: 85 });
    const got = await call(researcher, 'GET', `/scoring/configurations/${body.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(body);
  });

  it('lets an admin create a therapist-wide configuration, naming the therapist', async () => {
    const res = await create(admin, {
      configuration_name: 'Bob wide',
      scope: 'therapist',
      therapist_id: bob.id,
      active: false,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      scope: 'therapist',
      therapist_id: bob.id,
      patient_code: null,
      active: false,
    });
    const missing = await create(admin, { configuration_name: 'No one', scope: 'therapist' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('therapist_id_required');
    const notTherapist = await create(admin, {
      configuration_name: 'x',
      scope: 'therapist',
      therapist_id: researcher.id,
    });
    expect(notTherapist.statusCode).toBe(400);
    expect(notTherapist.json().error).toBe('therapist_not_found');
  });

  it('lets a therapist create for themself and for their own patient', async () => {
    const wide = await create(alice, { configuration_name: 'Alice wide', scope: 'therapist', active: false });
    expect(wide.statusCode).toBe(201);
    expect(wide.json()).toMatchObject({ scope: 'therapist', therapist_id: alice.id, active: false });

    const res = await create(alice, {
      configuration_name: 'Alice patient',
      description: 'Lower effort weight',
      scope: 'patient',
      patient_code: alicePatient.toLowerCase(),
      weight_effort: 0.1,
      weight_symmetry: 0.4,
      rpe_mapping: { 4: 90, 5: 95 },
      target_defaults: { mvc_threshold_percentage: 60 },
      active: false,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      scope: 'patient',
      patient_code: alicePatient,
      therapist_id: alice.id,
      description: 'Lower effort weight',
      weights: { ...TRIAL_WEIGHTS, symmetry: 0.4, effort: 0.1 },
      rpe_mapping: { ...TRIAL_RPE, 4: 90, 5: 95 },
      target_defaults: { ...TRIAL_TARGETS, mvc_threshold_percentage: 60 },
    });
  });

  it('refuses a therapist another therapist’s patient (404), a global scope or another therapist (403)', async () => {
    const before = await countConfigs();
    const other = await create(alice, {
      configuration_name: 'x',
      scope: 'patient',
      patient_code: bobPatient,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error).toBe('patient_not_found');
    const unknown = await create(alice, { configuration_name: 'x', scope: 'patient', patient_code: 'P999' });
    expect(unknown.statusCode).toBe(404);
    const global = await create(alice, { configuration_name: 'x', scope: 'global' });
    expect(global.statusCode).toBe(403);
    expect(global.json().error).toBe('scoring_config_write_forbidden');
    const forBob = await create(alice, { configuration_name: 'x', scope: 'therapist', therapist_id: bob.id });
    expect(forBob.statusCode).toBe(403);
    expect(forBob.json().error).toBe('scoring_config_write_forbidden');
    expect(await countConfigs()).toBe(before);
  });

  it('lets researchers read but not write', async () => {
    const list = await call(researcher, 'GET', '/scoring/configurations/detailed?limit=100');
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.total).toBe(await countConfigs());
    expect(page.items.map((c: { id: string }) => c.id)).toContain(TRIAL_DEFAULT_ID);
    const res = await create(researcher, { configuration_name: 'x', scope: 'global' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('role_forbidden');
  });

  it('lists newest first and filters by patient and active', async () => {
    const all = (await call(alice, 'GET', '/scoring/configurations/detailed?limit=100')).json();
    const created = all.items.map((c: { created_at: string }) => Date.parse(c.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(all.items.at(-1).id).toBe(TRIAL_DEFAULT_ID);

    const patient = await newPatient(alice);
    const scoped = { scope: 'patient', patient_code: patient };
    await create(alice, { ...scoped, configuration_name: 'Parked', active: false });
    const first = await create(alice, { ...scoped, configuration_name: 'Older' });
    const second = await create(alice, { ...scoped, configuration_name: 'Newer' });
    const active = (
      await call(alice, 'GET', `/scoring/configurations/detailed?patient_code=${patient}&active=true`)
    ).json();
    expect(active.items.map((c: { id: string }) => c.id)).toEqual([second.json().id, first.json().id]);
    expect(active.total).toBe(2);
    const inactive = (
      await call(alice, 'GET', `/scoring/configurations/detailed?patient_code=${patient}&active=false`)
    ).json();
    expect(inactive.items.map((c: { configuration_name: string }) => c.configuration_name)).toEqual([
      'Parked',
    ]);
    const paged = (await call(alice, 'GET', '/scoring/configurations/detailed?limit=1&offset=1')).json();
    expect(paged).toMatchObject({ limit: 1, offset: 1, total: all.total + 3 });
    expect(paged.items).toHaveLength(1);
    expect(paged.items[0].id).toBe(first.json().id);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await call(alice, 'GET', '/scoring/configurations/b0000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('scoring_config_not_found');
    expect((await call(alice, 'GET', '/scoring/configurations/not-a-uuid')).statusCode).toBe(400);
    const trial = await call(alice, 'GET', `/scoring/configurations/${TRIAL_DEFAULT_ID}`);
    expect(trial.statusCode).toBe(200);
    expect(trial.json()).toMatchObject({
      configuration_name: 'GHOSTLY-TRIAL-DEFAULT',
      scope: 'global',
      active: true,
    });
  });

  it.each([
    ['main', { weight_compliance: 0.6 }, { main_weights_sum: 1.1 }],
    ['sub', { weight_completion: 0.5 }, { sub_weights_sum: 1.167 }],
    [
      'main (by more than the tolerance)',
      { weight_compliance: 0.7, weight_symmetry: 0.3, weight_effort: 0.002 },
      { main_weights_sum: 1.002 },
    ],
  ])('refuses %s weights that do not sum to 1 (422) and stores nothing', async (_name, weights, sums) => {
    const before = await countConfigs();
    const res = await create(alice, { configuration_name: 'Bad', scope: 'therapist', ...weights });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBe('scoring_weights_invalid');
    for (const [key, sum] of Object.entries(sums)) expect(res.json().details[key]).toBeCloseTo(sum, 6);
    expect(await countConfigs()).toBe(before);
  });

  it('accepts weights off by no more than 0.001', async () => {
    const res = await create(admin, {
      configuration_name: 'Rounded',
      scope: 'global',
      active: false,
      weight_compliance: 0.34,
      weight_symmetry: 0.33,
      weight_effort: 0.33,
      weight_completion: 0.33,
      weight_intensity: 0.33,
      weight_duration: 0.3395,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().weights).toMatchObject({ compliance: 0.34, game: 0, duration: 0.3395 });
  });

  it.each([
    ['an RPE key 11', { rpe_mapping: { 11: 50 } }, 'rpe_mapping'],
    ['an RPE score above 100', { rpe_mapping: { 3: 101 } }, 'rpe_mapping'],
    ['an RPE mapping that is an array', { rpe_mapping: [10, 20] }, 'rpe_mapping'],
    [
      'a percentage of 150',
      { target_defaults: { mvc_threshold_percentage: 150 } },
      'mvc_threshold_percentage',
    ],
    ['a negative duration', { target_defaults: { target_duration_ch1_ms: -5 } }, 'target_duration_ch1_ms'],
    ['an unknown target key', { target_defaults: { target_foo: 1 } }, 'target_foo'],
    ['a weight above 1', { weight_game: 1.5 }, 'weight_game'],
    ['a name over 100 characters', { configuration_name: 'x'.repeat(101) }, 'configuration_name'],
    ['an unknown scope', { scope: 'clinic' }, 'scope'],
  ])('answers 400 to %s', async (_name, patch, field) => {
    const res = await create(admin, { configuration_name: 'Invalid', scope: 'global', ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('validation_failed');
    expect(JSON.stringify(res.json().details)).toContain(field);
  });

  it('requires patient_code for scope patient and refuses it elsewhere', async () => {
    const missing = await create(alice, { configuration_name: 'x', scope: 'patient' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().details)).toContain('patient_code');
    const misplaced = await create(alice, {
      configuration_name: 'x',
      scope: 'therapist',
      patient_code: alicePatient,
    });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json().error).toBe('scoring_scope_invalid');
  });

  it('changes name, description and active, and nothing else', async () => {
    const made = (
      await create(alice, { configuration_name: 'To retire', scope: 'patient', patient_code: alicePatient })
    ).json();
    const res = await call(alice, 'PATCH', `/scoring/configurations/${made.id}`, {
      active: false,
      configuration_name: 'Retired',
      description: 'Replaced',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: made.id,
      active: false,
      configuration_name: 'Retired',
      description: 'Replaced',
    });
    expect(Date.parse(res.json().updated_at)).toBeGreaterThanOrEqual(Date.parse(made.updated_at));
    const got = (await call(alice, 'GET', `/scoring/configurations/${made.id}`)).json();
    expect(got).toMatchObject({ active: false, configuration_name: 'Retired', weights: made.weights });

    const weights = await call(alice, 'PATCH', `/scoring/configurations/${made.id}`, {
      weight_compliance: 1,
    });
    expect(weights.statusCode).toBe(400);
    expect(JSON.stringify(weights.json().details)).toContain('weight_compliance');
    const targets = await call(alice, 'PATCH', `/scoring/configurations/${made.id}`, { target_defaults: {} });
    expect(targets.statusCode).toBe(400);
    const nullName = await call(alice, 'PATCH', `/scoring/configurations/${made.id}`, {
      configuration_name: null,
    });
    expect(nullName.statusCode).toBe(400);
  });

  it('refuses changes by whoever may not write the configuration (403), another therapist and unknown ids (404)', async () => {
    const made = (
      await create(alice, { configuration_name: 'Alice only', scope: 'patient', patient_code: alicePatient })
    ).json();
    // another therapist does not even see it
    const byBob = await call(bob, 'PATCH', `/scoring/configurations/${made.id}`, { active: false });
    expect(byBob.statusCode).toBe(404);
    expect(byBob.json().error).toBe('scoring_config_not_found');
    expect((await call(bob, 'GET', `/scoring/configurations/${made.id}`)).statusCode).toBe(404);
    expect((await call(alice, 'GET', `/scoring/configurations/${made.id}`)).json().active).toBe(true);
    const trialByAlice = await call(alice, 'PATCH', `/scoring/configurations/${TRIAL_DEFAULT_ID}`, {
      configuration_name: 'Mine now',
    });
    expect(trialByAlice.statusCode).toBe(403);
    expect(
      (await call(researcher, 'PATCH', `/scoring/configurations/${made.id}`, { active: false })).statusCode,
    ).toBe(403);
    const unknown = await call(
      admin,
      'PATCH',
      '/scoring/configurations/b0000000-0000-4000-8000-000000000000',
      {
        active: false,
      },
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('scoring_config_not_found');
  });

  it('never deactivates GHOSTLY-TRIAL-DEFAULT (409) but lets an admin rename it', async () => {
    const res = await call(admin, 'PATCH', `/scoring/configurations/${TRIAL_DEFAULT_ID}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('scoring_config_protected');
    const renamed = await call(admin, 'PATCH', `/scoring/configurations/${TRIAL_DEFAULT_ID}`, {
      description: 'Trial weights (edited)',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ active: true, description: 'Trial weights (edited)' });
  });

  it('scores a new session of the patient with a new patient-scoped configuration end to end', async () => {
    const patientCode = await newPatient(alice);
    const made = await create(alice, {
      configuration_name: 'Short holds',
      scope: 'patient',
      patient_code: patientCode,
      target_defaults: { target_contractions_ch1: 6, target_duration_ch1_ms: 250 },
      weight_compliance: 0.7,
      weight_symmetry: 0.3,
      weight_effort: 0,
      weight_game: 0,
    });
    expect(made.statusCode).toBe(201);
    const config = made.json();
    expect(config.target_defaults).toEqual({
      ...TRIAL_TARGETS,
      target_contractions_ch1: 6,
      target_duration_ch1_ms: 250,
    });

    const file = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
    const body = multipart({ name: file, content: ghostly(file) }, { patient_code: patientCode });
    const h = await auth(alice);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...h, ...body.headers },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(202);
    const code = upload.json().session_code;
    expect((await waitForSession(t, h, code)).status).toBe('completed');

    const detail = (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: h })).json();
    const s = detail.performance_scores;
    expect(s.scoring_config_id).toBe(config.id);
    expect(detail.channels[0].analytics.expected_contractions).toBe(6);
    expect(detail.channels[0].analytics.duration_threshold_actual_value).toBe(250);
    expect(detail.channels[1].analytics.expected_contractions).toBe(12);
    expect(detail.channels[1].analytics.duration_threshold_actual_value).toBe(2000);
    // Under the trial default none of this file's CH1 contractions lasts 2 s (sessions e2e: 18/18/0/0).
    expect(detail.channels[0].duration_compliant_contractions).toBeGreaterThan(0);
    expect(detail.channels[1].duration_compliant_contractions).toBe(0);
    expect(s.compliance_score).toBeGreaterThan(0);
    expect(s.symmetry_score).toBeGreaterThan(0);
    expect(
      Math.abs(s.overall_score - (0.7 * s.compliance_score + 0.3 * s.symmetry_score)),
    ).toBeLessThanOrEqual(0.01);
    // The trial weights would give another overall score for the same components.
    const trialOverall = 0.5 * s.compliance_score + 0.25 * s.symmetry_score + 0.25 * s.effort_score;
    expect(Math.abs(s.overall_score - trialOverall)).toBeGreaterThan(0.01);
  });
});
