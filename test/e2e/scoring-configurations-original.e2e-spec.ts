// The original client's scoring-configuration requests (useScoringConfiguration) at the original
// paths, with the original's response fields, plus what this service adds: tokens, ownership,
// admin-only default, audit entries.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'scoring-original-e2e-secret-with-32-chars-or-more';
const TRIAL_DEFAULT_ID = 'a0000000-0000-0000-0000-000000000001';
const FIELDS = [
  'active',
  'configuration_name',
  'created_at',
  'description',
  'id',
  'patient_id',
  'therapist_id',
  'updated_at',
  'weight_compliance',
  'weight_completion',
  'weight_duration',
  'weight_effort',
  'weight_game',
  'weight_intensity',
  'weight_symmetry',
].sort();
const TRIAL = {
  weight_compliance: 0.5,
  weight_symmetry: 0.25,
  weight_effort: 0.25,
  weight_game: 0,
  weight_completion: 0.333,
  weight_intensity: 0.333,
  weight_duration: 0.334,
};
const CUSTOM_WEIGHTS = {
  weight_compliance: 0.6,
  weight_symmetry: 0.2,
  weight_effort: 0.2,
  weight_game: 0,
  weight_completion: 0.4,
  weight_intensity: 0.3,
  weight_duration: 0.3,
};

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe('scoring configurations at the original paths', () => {
  let t: TestApp;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let researcher: TestUser;
  let alicePatient: { code: string; id: string };
  let bobPatient: { code: string; id: string };
  const call = async (u: TestUser | null, method: Method, url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: u ? bearer(await signHs256(SECRET, supabaseClaims(u))) : {},
      ...(payload ? { payload } : {}),
    });
  const newPatient = async (u: TestUser, payload: object = {}) => {
    const res = await call(u, 'POST', '/patients', payload);
    expect(res.statusCode).toBe(201);
    const body = res.json<{ patient_code: string; id: string }>();
    return { code: body.patient_code, id: body.id };
  };
  /** The original client's POST /custom body (useScoringConfiguration.saveCustomWeights). */
  const customBody = (therapistId: string, patientId?: string, weights: object = CUSTOM_WEIGHTS) => ({
    configuration_name: `Custom - ${therapistId}${patientId ? ` - ${patientId}` : ''}`,
    description: `Personnalisation des poids pour thérapeute ${therapistId}${patientId ? ` et patient ${patientId}` : ''}`,
    ...weights,
    therapist_id: therapistId,
    patient_id: patientId,
  });
  const auditCount = async (recordId: string) =>
    Number(
      (
        await t.database.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('table_name', '=', 'scoring_configuration')
          .where('record_id', '=', recordId)
          .executeTakeFirstOrThrow()
      ).n,
    );

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

  it('requires a token on every route', async () => {
    for (const [method, url] of [
      ['GET', '/scoring/configurations'],
      ['GET', '/scoring/configurations/active'],
      ['GET', `/scoring/configurations/custom?therapist_id=${alice.id}`],
      ['POST', '/scoring/configurations/custom'],
      ['PUT', '/scoring/configurations/default'],
      ['PUT', `/scoring/configurations/${TRIAL_DEFAULT_ID}/activate`],
      ['DELETE', `/scoring/configurations/${TRIAL_DEFAULT_ID}`],
    ] as [Method, string][]) {
      expect((await call(null, method, url, method === 'GET' ? undefined : {})).statusCode).toBe(401);
    }
  });

  it('GET /active gives the trial default with exactly the original fields', async () => {
    const res = await call(alice, 'GET', '/scoring/configurations/active');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(FIELDS);
    expect(body).toEqual({
      id: TRIAL_DEFAULT_ID,
      configuration_name: 'GHOSTLY-TRIAL-DEFAULT',
      description: 'GHOSTLY+ clinical trial default scoring weights',
      ...TRIAL,
      active: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      therapist_id: null,
      patient_id: null,
    });
    expect(Date.parse(body.created_at)).not.toBeNaN();
  });

  it('saves and reads back a therapist’s custom weights, as the original client does', async () => {
    expect(
      (await call(alice, 'GET', `/scoring/configurations/custom?therapist_id=${alice.id}`)).json(),
    ).toMatchObject({
      detail: 'No custom configuration found',
    });
    const saved = await call(alice, 'POST', '/scoring/configurations/custom', customBody(alice.id));
    expect(saved.statusCode).toBe(200);
    const body = saved.json();
    expect(Object.keys(body).sort()).toEqual(FIELDS);
    expect(body).toEqual({
      id: expect.any(String),
      configuration_name: `Custom - ${alice.id}`,
      description: `Personnalisation des poids pour thérapeute ${alice.id}`,
      ...CUSTOM_WEIGHTS,
      active: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      therapist_id: alice.id,
      patient_id: null,
    });
    const got = await call(alice, 'GET', `/scoring/configurations/custom?therapist_id=${alice.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(body);
    expect(await auditCount(body.id)).toBe(1);

    // saving again updates the same configuration
    const again = await call(
      alice,
      'POST',
      '/scoring/configurations/custom',
      customBody(alice.id, undefined, TRIAL),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: body.id, ...TRIAL });
    expect(await auditCount(body.id)).toBe(2);
    const audit = await t.database.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', body.id)
      .orderBy('timestamp', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      user_id: alice.id,
      user_role: 'therapist',
      action: 'scoring_config_custom_update',
    });
  });

  it('saves per-patient weights by patient UUID or code, JSON nulls meaning not given', async () => {
    const body = { ...customBody(alice.id, alicePatient.id), weight_game: null, description: null };
    const saved = await call(alice, 'POST', '/scoring/configurations/custom', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...CUSTOM_WEIGHTS, patient_id: alicePatient.id, description: null });
    for (const ref of [alicePatient.id, alicePatient.code]) {
      const got = await call(
        alice,
        'GET',
        `/scoring/configurations/custom?therapist_id=${alice.id}&patient_id=${ref}`,
      );
      expect(got.statusCode).toBe(200);
      expect(got.json().id).toBe(saved.json().id);
    }
    // the patient's configuration in force for new sessions
    const inForce = await t.database.kysely
      .selectNoFrom((eb) =>
        eb.fn<string>('public.get_session_scoring_config', [eb.val(null), eb.val(alicePatient.id)]).as('id'),
      )
      .executeTakeFirstOrThrow();
    expect(inForce.id).toBe(saved.json().id);
  });

  it('answers 400 without therapist_id and 404 for another therapist or their patient', async () => {
    const missing = await call(alice, 'GET', '/scoring/configurations/custom');
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      error: 'therapist_id_required',
      detail: 'therapist_id is required',
    });
    const postMissing = await call(alice, 'POST', '/scoring/configurations/custom', {
      ...customBody(alice.id),
      therapist_id: null,
    });
    expect(postMissing.statusCode).toBe(400);

    await call(bob, 'POST', '/scoring/configurations/custom', customBody(bob.id));
    expect(
      (await call(alice, 'GET', `/scoring/configurations/custom?therapist_id=${bob.id}`)).statusCode,
    ).toBe(404);
    expect((await call(alice, 'POST', '/scoring/configurations/custom', customBody(bob.id))).statusCode).toBe(
      404,
    );
    const foreignPatient = await call(
      alice,
      'POST',
      '/scoring/configurations/custom',
      customBody(alice.id, bobPatient.id),
    );
    expect(foreignPatient.statusCode).toBe(404);
    expect(foreignPatient.json().error).toBe('patient_not_found');
    const bobs = (await call(admin, 'GET', `/scoring/configurations/custom?therapist_id=${bob.id}`)).json();
    expect((await call(alice, 'GET', `/scoring/configurations/${bobs.id}`)).statusCode).toBe(404);
    expect((await call(alice, 'PUT', `/scoring/configurations/${bobs.id}/activate`)).statusCode).toBe(404);
    expect((await call(alice, 'DELETE', `/scoring/configurations/${bobs.id}`)).statusCode).toBe(404);
    const list = (await call(alice, 'GET', '/scoring/configurations')).json() as {
      id: string;
      therapist_id: string | null;
    }[];
    expect(list.map((c) => c.id)).not.toContain(bobs.id);
    expect(list.every((c) => c.therapist_id === null || c.therapist_id === alice.id)).toBe(true);
    // researchers read everything, admins too
    expect(
      (await call(researcher, 'GET', '/scoring/configurations')).json().map((c: { id: string }) => c.id),
    ).toContain(bobs.id);
  });

  it.each([
    ['main sum off by 0.0011', 422, { weight_compliance: 0.5011 }],
    ['sub sum off by 0.0011', 422, { weight_duration: 0.3351 }],
    ['main sum off by 0.0009', 200, { weight_compliance: 0.5009 }],
    ['sub sum off by -0.0009', 200, { weight_duration: 0.3331 }],
    ['a weight of 1.01', 422, { weight_game: 1.01 }],
    ['a negative weight', 422, { weight_symmetry: -0.1 }],
    ['a weight given as a string', 422, { weight_effort: '0.25' }],
    ['a name over 100 characters', 422, { configuration_name: 'x'.repeat(101) }],
    ['an unknown field', 422, { scope: 'global' }],
  ])('POST /custom with %s answers %i', async (_name, status, patch) => {
    const res = await call(alice, 'POST', '/scoring/configurations/custom', {
      ...customBody(alice.id, undefined, TRIAL),
      ...patch,
    });
    expect(res.statusCode).toBe(status);
    if (status === 422) expect(typeof res.json().detail).toBe('string');
  });

  it('lets only admins overwrite the trial default, which /active then returns', async () => {
    const body = { configuration_name: 'GHOSTLY-TRIAL-DEFAULT', ...CUSTOM_WEIGHTS };
    const refused = await call(alice, 'PUT', '/scoring/configurations/default', body);
    expect(refused.statusCode).toBe(403);
    const res = await call(admin, 'PUT', '/scoring/configurations/default', body);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(FIELDS);
    expect(res.json()).toMatchObject({
      id: TRIAL_DEFAULT_ID,
      configuration_name: 'GHOSTLY-TRIAL-DEFAULT',
      active: true,
      ...CUSTOM_WEIGHTS,
    });
    expect((await call(alice, 'GET', '/scoring/configurations/active')).json()).toMatchObject({
      id: TRIAL_DEFAULT_ID,
      ...CUSTOM_WEIGHTS,
    });
    const bad = await call(admin, 'PUT', '/scoring/configurations/default', {
      ...body,
      weight_symmetry: 0.3,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toBe('scoring_weights_invalid');
    const restored = await call(admin, 'PUT', '/scoring/configurations/default', {
      configuration_name: 'GHOSTLY-TRIAL-DEFAULT',
      ...TRIAL,
    });
    expect(restored.json()).toMatchObject(TRIAL);
    expect(await auditCount(TRIAL_DEFAULT_ID)).toBe(2);
  });

  it('creates inactive configurations, activates one per scope and deletes only inactive ones', async () => {
    const created = await call(admin, 'POST', '/scoring/configurations', {
      configuration_name: 'Site trial B',
      description: 'Second arm',
      ...CUSTOM_WEIGHTS,
    });
    expect(created.statusCode).toBe(200);
    const config = created.json();
    expect(Object.keys(config).sort()).toEqual(FIELDS);
    expect(config).toMatchObject({ active: false, therapist_id: null, patient_id: null, ...CUSTOM_WEIGHTS });
    expect(
      (await call(alice, 'POST', '/scoring/configurations', { configuration_name: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await call(researcher, 'POST', '/scoring/configurations', { configuration_name: 'x' })).statusCode,
    ).toBe(403);

    const list = (await call(alice, 'GET', '/scoring/configurations')).json() as {
      id: string;
      created_at: string;
    }[];
    expect(list[0]!.id).toBe(config.id);
    expect(Object.keys(list[0]!).sort()).toEqual(FIELDS);
    const times = list.map((c) => Date.parse(c.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect((await call(alice, 'PUT', `/scoring/configurations/${config.id}/activate`)).statusCode).toBe(403);
    const activated = await call(admin, 'PUT', `/scoring/configurations/${config.id}/activate`);
    expect(activated.statusCode).toBe(200);
    expect(activated.json()).toEqual({
      message: 'Configuration activated successfully',
      config_id: config.id,
    });
    // an activated global configuration is the one in force; the trial default stays active
    expect((await call(alice, 'GET', '/scoring/configurations/active')).json().id).toBe(config.id);
    expect((await call(admin, 'GET', `/scoring/configurations/${TRIAL_DEFAULT_ID}`)).json().active).toBe(
      true,
    );

    const active = await call(admin, 'DELETE', `/scoring/configurations/${config.id}`);
    expect(active.statusCode).toBe(400);
    expect(active.json().detail).toBe('Cannot delete active scoring configuration');
    const trial = await call(admin, 'DELETE', `/scoring/configurations/${TRIAL_DEFAULT_ID}`);
    expect(trial.statusCode).toBe(409);
    expect(trial.json().error).toBe('scoring_config_protected');

    expect(
      (await call(admin, 'PUT', `/scoring/configurations/${TRIAL_DEFAULT_ID}/activate`)).statusCode,
    ).toBe(200);
    expect((await call(alice, 'GET', '/scoring/configurations/active')).json().id).toBe(TRIAL_DEFAULT_ID);
    expect((await call(admin, 'GET', `/scoring/configurations/${config.id}`)).json().active).toBe(false);
    const deleted = await call(admin, 'DELETE', `/scoring/configurations/${config.id}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ message: 'Configuration deleted successfully' });
    expect((await call(admin, 'DELETE', `/scoring/configurations/${config.id}`)).statusCode).toBe(404);
    const actions = await t.database.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', config.id)
      .orderBy('timestamp')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'scoring_config_create',
      'scoring_config_activate',
      'scoring_config_delete',
    ]);
  });

  it('lets a therapist create, activate and delete within their own scope', async () => {
    const created = await call(alice, 'POST', '/scoring/configurations', {
      configuration_name: 'Alice draft',
      therapist_id: alice.id,
      patient_id: alicePatient.code,
      ...TRIAL,
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      therapist_id: alice.id,
      patient_id: alicePatient.id,
      active: false,
    });
    const id = created.json().id;
    expect((await call(alice, 'PUT', `/scoring/configurations/${id}/activate`)).statusCode).toBe(200);
    const custom = await call(
      alice,
      'GET',
      `/scoring/configurations/custom?therapist_id=${alice.id}&patient_id=${alicePatient.code}`,
    );
    expect(custom.json().id).toBe(id);
    expect((await call(alice, 'DELETE', `/scoring/configurations/${id}`)).statusCode).toBe(400);
    expect((await call(alice, 'GET', '/scoring/configurations/not-a-uuid')).statusCode).toBe(400);
    expect((await call(alice, 'PUT', '/scoring/configurations/not-a-uuid/activate')).statusCode).toBe(422);
  });
});
