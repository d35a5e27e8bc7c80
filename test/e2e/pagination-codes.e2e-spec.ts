import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

// Codes past 999 (migrations/0012): lpad(n, 3) used to cut '1000' to '100', so the 1000th
// patient, therapist or session got a code that collides with an earlier one or sorts wrongly.
const SECRET = 'pagination-codes-e2e-secret-with-32-chars';

describe('codes past 999', () => {
  let t: TestApp;
  let admin: TestUser;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    admin = await createUser(t.database, 'admin');
  });
  afterAll(async () => t.close());

  it('numbers the 999th and 1000th patient P999 and P1000', async () => {
    await sql`select setval('public.patient_code_seq', 998)`.execute(t.database.kysely);
    const therapist = await createUser(t.database, 'therapist');
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/patients',
        headers: await auth(admin),
        payload: { therapist_id: therapist.id },
      });
      expect(res.statusCode).toBe(201);
      codes.push(res.json<{ patient_code: string }>().patient_code);
    }
    expect(codes).toEqual(['P999', 'P1000']);
  });

  it('numbers a patient’s 1000th session S1000 and the 1000th therapist T1000', async () => {
    const patient = await t.database.kysely
      .insertInto('patients')
      .values({ therapist_id: admin.id, session_counter: 999 })
      .returning(['id', 'patient_code'])
      .executeTakeFirstOrThrow();
    const { rows } = await sql<{
      code: string;
    }>`select public.next_session_code(${patient.id}) as code`.execute(t.database.kysely);
    expect(rows[0]!.code).toBe(`${patient.patient_code}S1000`);
    await sql`select setval('public.therapist_code_seq', 999)`.execute(t.database.kysely);
    const therapist = await createUser(t.database, 'therapist');
    const profile = await t.database.kysely
      .selectFrom('user_profiles')
      .select('user_code')
      .where('id', '=', therapist.id)
      .executeTakeFirstOrThrow();
    expect(profile.user_code).toBe('T1000');
  });
});
