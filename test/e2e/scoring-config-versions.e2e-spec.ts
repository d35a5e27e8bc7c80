// Editing the weights of a configuration that stored sessions were scored with: those sessions
// keep their scores and weights (they move onto a frozen copy of the earlier version), later
// rescoring of them still uses the earlier weights, and new sessions use the new ones.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'scoring-versions-e2e-secret-with-32-chars-or-more';
const TRIAL_DEFAULT_ID = 'a0000000-0000-0000-0000-000000000001';
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
const OTHER_FILE = 'Ghostly_Emg_20230321_17-33-14-0785.c3d';
const FIRST = {
  weight_compliance: 0.7,
  weight_symmetry: 0.3,
  weight_effort: 0,
  weight_game: 0,
  weight_completion: 0.333,
  weight_intensity: 0.333,
  weight_duration: 0.334,
};
const SECOND = { ...FIRST, weight_compliance: 0.4, weight_symmetry: 0.2, weight_effort: 0.4 };

describe('scoring configuration versions', () => {
  let t: TestApp;
  let alice: TestUser;
  let admin: TestUser;
  let h: Record<string, string>;
  let patient: { code: string; id: string };

  const as = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const saveCustom = async (weights: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/scoring/configurations/custom',
      headers: h,
      payload: {
        configuration_name: `Custom - ${alice.id} - ${patient.id}`,
        description: `Personnalisation des poids pour thérapeute ${alice.id} et patient ${patient.id}`,
        ...weights,
        therapist_id: alice.id,
        patient_id: patient.id,
      },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const upload = async (file = FILE) => {
    const body = multipart({ name: file, content: ghostly(file) }, { patient_code: patient.code });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...h, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    const code = res.json().session_code as string;
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    return code;
  };
  const stored = (code: string) =>
    t.database.kysely
      .selectFrom('performance_scores as p')
      .innerJoin('therapy_sessions as s', 's.id', 'p.session_id')
      .select([
        'p.scoring_config_id',
        'p.overall_score',
        'p.compliance_score',
        'p.symmetry_score',
        'p.weights_used',
        's.scoring_config_id as session_config_id',
      ])
      .where('s.session_code', '=', code)
      .executeTakeFirstOrThrow();
  const configRow = (id: string) =>
    t.database.kysely
      .selectFrom('scoring_configuration')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    alice = await createUser(t.database, 'therapist');
    admin = await createUser(t.database, 'admin');
    h = await as(alice);
    const created = (
      await t.app.inject({ method: 'POST', url: '/patients', headers: h, payload: {} })
    ).json();
    patient = { code: created.patient_code, id: created.id };
  });
  afterAll(async () => t.close());

  it('keeps a scored session on the weights it was scored with when the weights change', async () => {
    const config = await saveCustom(FIRST);
    const code = await upload();
    const before = await stored(code);
    expect(before).toMatchObject({ scoring_config_id: config.id, session_config_id: config.id });
    expect(before.overall_score).toBeCloseTo(
      0.7 * before.compliance_score! + 0.3 * before.symmetry_score!,
      6,
    );
    const detailBefore = (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: h })).json();

    const edited = await saveCustom(SECOND);
    expect(edited).toMatchObject({ id: config.id, ...SECOND, active: true });

    const after = await stored(code);
    // same scores and weights; the session now names the frozen earlier version
    expect(after.overall_score).toBe(before.overall_score);
    expect(after.compliance_score).toBe(before.compliance_score);
    expect(after.weights_used).toEqual(before.weights_used);
    expect(after.scoring_config_id).not.toBe(config.id);
    expect(after.session_config_id).toBe(after.scoring_config_id);
    const frozen = await configRow(after.scoring_config_id);
    expect(frozen).toMatchObject({
      ...FIRST,
      version: 1,
      version_of: config.id,
      active: false,
      therapist_id: alice.id,
      patient_id: patient.id,
      configuration_name: config.configuration_name,
    });
    expect(frozen.superseded_at).not.toBeNull();
    expect(await configRow(config.id)).toMatchObject({ ...SECOND, version: 2, superseded_at: null });

    // the cached session detail does not name the edited configuration any more
    const detail = (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: h })).json();
    expect(detail.performance_scores.scoring_config_id).toBe(frozen.id);
    expect(detail.performance_scores.overall_score).toBe(detailBefore.performance_scores.overall_score);

    // rescoring it later (RPE entered) still uses its own, earlier weights
    const rescored = await t.app.inject({
      method: 'PATCH',
      url: `/sessions/${code}/subjective`,
      headers: h,
      payload: { rpe_post_session: 5 },
    });
    expect(rescored.statusCode).toBe(200);
    const s = await stored(code);
    expect(s.scoring_config_id).toBe(frozen.id);
    expect(s.overall_score).toBeCloseTo(0.7 * s.compliance_score! + 0.3 * s.symmetry_score!, 6);

    // the frozen version is visible in the detailed view and cannot be activated or deleted
    const version = await t.app.inject({
      method: 'GET',
      url: `/scoring/configurations/${frozen.id}`,
      headers: h,
    });
    expect(version.json()).toMatchObject({ version: 1, version_of: config.id, active: false });
    const activate = await t.app.inject({
      method: 'PUT',
      url: `/scoring/configurations/${frozen.id}/activate`,
      headers: h,
    });
    expect(activate.statusCode).toBe(409);
    expect(activate.json().error).toBe('scoring_config_superseded');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/scoring/configurations/${frozen.id}`,
      headers: h,
    });
    expect(del.statusCode).toBe(409);
    expect(del.json().error).toBe('scoring_config_in_use');

    // a new session is scored with the new weights
    const next = await stored(await upload(OTHER_FILE));
    expect(next.scoring_config_id).toBe(config.id);
    expect(next.weights_used).toMatchObject(SECOND);
    expect(before.weights_used).toMatchObject(FIRST);
  });

  it('edits in place, without a frozen copy, when no session used the weights', async () => {
    const other = (await t.app.inject({ method: 'POST', url: '/patients', headers: h, payload: {} })).json();
    const body = (weights: object) => ({
      configuration_name: `Custom - ${alice.id} - ${other.id}`,
      ...weights,
      therapist_id: alice.id,
      patient_id: other.patient_code,
    });
    const first = await t.app.inject({
      method: 'POST',
      url: '/scoring/configurations/custom',
      headers: h,
      payload: body(FIRST),
    });
    const second = await t.app.inject({
      method: 'POST',
      url: '/scoring/configurations/custom',
      headers: h,
      payload: body(SECOND),
    });
    expect(second.json().id).toBe(first.json().id);
    expect(await configRow(first.json().id)).toMatchObject({ ...SECOND, version: 2 });
    const copies = await t.database.kysely
      .selectFrom('scoring_configuration')
      .select('id')
      .where('version_of', '=', first.json().id)
      .execute();
    expect(copies).toHaveLength(0);
    // saving the same weights again is not a new version
    await t.app.inject({
      method: 'POST',
      url: '/scoring/configurations/custom',
      headers: h,
      payload: body(SECOND),
    });
    expect((await configRow(first.json().id)).version).toBe(2);
  });

  it('keeps sessions scored with the trial default on its earlier weights when an admin edits it', async () => {
    const bare = (await t.app.inject({ method: 'POST', url: '/patients', headers: h, payload: {} })).json();
    const body = multipart({ name: FILE, content: ghostly(FILE) }, { patient_code: bare.patient_code });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...h, ...body.headers },
      payload: body.payload,
    });
    const code = res.json().session_code as string;
    expect((await waitForSession(t, h, code)).status).toBe('completed');
    const before = await stored(code);
    expect(before.scoring_config_id).toBe(TRIAL_DEFAULT_ID);

    const put = await t.app.inject({
      method: 'PUT',
      url: '/scoring/configurations/default',
      headers: await as(admin),
      payload: { configuration_name: 'GHOSTLY-TRIAL-DEFAULT', ...FIRST },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ id: TRIAL_DEFAULT_ID, ...FIRST });
    const after = await stored(code);
    expect(after.overall_score).toBe(before.overall_score);
    expect(after.weights_used).toEqual(before.weights_used);
    const frozen = await configRow(after.scoring_config_id);
    expect(frozen).toMatchObject({
      configuration_name: 'GHOSTLY-TRIAL-DEFAULT',
      version_of: TRIAL_DEFAULT_ID,
      weight_compliance: 0.5,
      weight_symmetry: 0.25,
      weight_effort: 0.25,
      is_global: true,
      active: false,
    });
    const audit = await t.database.kysely
      .selectFrom('audit_log')
      .select(['action', 'changes', 'user_id'])
      .where('record_id', '=', TRIAL_DEFAULT_ID)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'scoring_config_default_update', user_id: admin.id });
    expect(audit.changes).toMatchObject({ frozen_version_id: frozen.id });
  });
});
