// GET /scoring/adherence/{patient_code}[?sessions_completed=n], the original client's
// adherenceService request, with the original's response fields.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'scoring-adherence-e2e-secret-with-32-chars-or-more';
const DAY = 86_400_000;
const FIELDS = [
  'adherence_score',
  'category',
  'completed_sessions',
  'expected_sessions',
  'interpretation',
  'patient_id',
  'protocol_day',
  'total_sessions_planned',
  'trial_duration',
].sort();

describe('GET /scoring/adherence/{patient_code}', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let researcher: TestUser;
  let code: string;
  const call = async (u: TestUser | null, url: string, payload?: object) =>
    t.app.inject({
      method: payload ? 'POST' : 'GET',
      url,
      headers: u ? bearer(await signHs256(SECRET, supabaseClaims(u))) : {},
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    alice = await createUser(t.database, 'therapist');
    bob = await createUser(t.database, 'therapist');
    researcher = await createUser(t.database, 'researcher');
    // protocol day 7
    const created = await call(alice, '/patients', {
      treatment_start_date: new Date(Date.now() - 6 * DAY).toISOString(),
      total_sessions_planned: 24,
    });
    expect(created.statusCode).toBe(201);
    code = created.json().patient_code;
    const patient = await t.database.kysely
      .selectFrom('patients')
      .select('id')
      .where('patient_code', '=', code)
      .executeTakeFirstOrThrow();
    const session = (n: number, status: 'completed' | 'failed', daysAgo: number) => ({
      session_code: `${code}S${String(n).padStart(3, '0')}`,
      patient_id: patient.id,
      file_path: `c3d-examples/${code}/s${n}.c3d`,
      file_hash: String(n).padStart(64, 'b'),
      file_size_bytes: 1000,
      processing_status: status,
      session_date: new Date(Date.now() - daysAgo * DAY),
    });
    // 11 completed in the window, one failed, one completed before the window
    const rows = Array.from({ length: 11 }, (_, i) => session(i + 1, 'completed', i % 7));
    rows.push(session(12, 'failed', 1), session(13, 'completed', 20));
    await t.database.kysely.insertInto('therapy_sessions').values(rows).execute();
  });
  afterAll(async () => t.close());

  it("counts the patient's own completed sessions in the protocol window", async () => {
    const res = await call(alice, `/scoring/adherence/${code}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(FIELDS);
    expect(body).toEqual({
      patient_id: code,
      protocol_day: 7,
      adherence_score: expect.any(Number),
      completed_sessions: 11,
      expected_sessions: expect.any(Number),
      category: 'Good',
      interpretation: 'Adequate with minor gaps',
      trial_duration: 14,
      total_sessions_planned: 24,
    });
    expect(body.expected_sessions).toBeCloseTo(15, 10);
    expect(body.adherence_score).toBeCloseTo((11 / 15) * 100, 10);
    // the same numbers as this service's own route
    const own = (await call(alice, `/patients/${code}/adherence`)).json();
    expect(own).toMatchObject({
      adherence_score: body.adherence_score,
      completed_sessions: 11,
      protocol_day: 7,
    });
  });

  it.each([
    [0, 0, 'Poor', 'Significant concern, support needed'],
    [5, (5 / 15) * 100, 'Poor', 'Significant concern, support needed'],
    [8, (8 / 15) * 100, 'Moderate', 'Suboptimal, intervention consideration'],
    [13, (13 / 15) * 100, 'Excellent', 'Meeting/exceeding frequency targets'],
    [18, 100, 'Excellent', 'Meeting/exceeding frequency targets'],
  ])('uses sessions_completed=%i when the client gives it', async (n, score, category, interpretation) => {
    const res = await call(alice, `/scoring/adherence/${code.toLowerCase()}?sessions_completed=${n}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(FIELDS);
    expect(body).toMatchObject({
      patient_id: code,
      completed_sessions: n,
      category,
      interpretation,
      protocol_day: 7,
    });
    expect(body.adherence_score).toBeCloseTo(score, 10);
  });

  it('gives no score before day 3, with the message', async () => {
    const fresh = (await call(alice, '/patients', {})).json().patient_code as string;
    const res = await call(alice, `/scoring/adherence/${fresh}?sessions_completed=2`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      patient_id: fresh,
      protocol_day: 1,
      adherence_score: null,
      completed_sessions: 2,
      expected_sessions: null,
      category: null,
      interpretation: null,
      trial_duration: 14,
      total_sessions_planned: 30,
      message: 'Minimum 3 days required for adherence calculation',
    });
  });

  it("answers 404 for another therapist's patient or an unknown one, 422 for a bad count, 401 without a token", async () => {
    const foreign = await call(bob, `/scoring/adherence/${code}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().detail).toBe(`Patient ${code} not found`);
    expect((await call(alice, '/scoring/adherence/P99999')).statusCode).toBe(404);
    expect((await call(researcher, `/scoring/adherence/${code}`)).statusCode).toBe(200);
    for (const bad of ['-1', '2.5', 'many']) {
      const res = await call(alice, `/scoring/adherence/${code}?sessions_completed=${bad}`);
      expect(res.statusCode).toBe(422);
      expect(typeof res.json().detail).toBe('string');
    }
    expect((await call(alice, '/scoring/adherence/not-a-code')).statusCode).toBe(422);
    expect((await call(null, `/scoring/adherence/${code}`)).statusCode).toBe(401);
  });
});
