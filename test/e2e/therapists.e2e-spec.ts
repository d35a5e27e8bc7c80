import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'therapists-e2e-secret-with-at-least-32-chars';

/** The original's /therapists routes as its web client calls them. */
describe('therapist resolution at the original paths', () => {
  let t: TestApp;
  let admin: TestUser;
  let researcher: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let nameless: TestUser;
  let codes: { alice: string; bob: string; nameless: string };

  const call = async (
    u: TestUser | undefined,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers: u ? bearer(await signHs256(SECRET, supabaseClaims(u))) : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const userCode = async (id: string) =>
    (
      await t.database.kysely
        .selectFrom('user_profiles')
        .select('user_code')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).user_code;
  const addPatient = async (therapistId: string, patientCode: string) => {
    await t.database.kysely
      .insertInto('patients')
      .values({ therapist_id: therapistId, patient_code: patientCode })
      .execute();
    return patientCode;
  };
  const stats = async () => (await call(alice, 'GET', '/therapists/cache/stats')).json();

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    admin = await createUser(t.database, 'admin');
    researcher = await createUser(t.database, 'researcher');
    alice = await createUser(t.database, 'therapist', { lastName: 'Alice' });
    bob = await createUser(t.database, 'therapist', { lastName: 'Bob' });
    nameless = await createUser(t.database, 'therapist', { lastName: '' });
    codes = {
      alice: await addPatient(alice.id, 'P701'),
      bob: await addPatient(bob.id, 'P702'),
      nameless: await addPatient(nameless.id, 'P703'),
    };
  });
  afterAll(async () => t.close());

  describe('GET /therapists/resolve/{code}', () => {
    it('answers the TherapistInfo the client reads, for a lower-case code too', async () => {
      const res = await call(alice, 'GET', `/therapists/resolve/${codes.alice.toLowerCase()}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        id: alice.id,
        first_name: 'Test',
        last_name: 'Alice',
        user_code: await userCode(alice.id),
        role: 'therapist',
        display_name: 'Dr. Alice',
      });
    });

    it('falls back to the user code without a last name', async () => {
      const res = await call(admin, 'GET', `/therapists/resolve/${codes.nameless}`);
      const code = await userCode(nameless.id);
      expect(res.json()).toMatchObject({ user_code: code, last_name: '', display_name: code });
    });

    it('answers 404 with the original detail for an unknown code and for another therapist’s patient', async () => {
      const unknown = await call(alice, 'GET', '/therapists/resolve/P999');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().detail).toBe('No therapist found for patient code: P999');
      // Alice's own answer is cached by now; Bob must still not get it.
      expect((await call(alice, 'GET', `/therapists/resolve/${codes.alice}`)).statusCode).toBe(200);
      const other = await call(bob, 'GET', `/therapists/resolve/${codes.alice}`);
      expect(other.statusCode).toBe(404);
      expect(other.json()).toMatchObject({
        error: 'therapist_not_found',
        detail: `No therapist found for patient code: ${codes.alice}`,
      });
    });

    it('lets admins and researchers resolve every patient', async () => {
      for (const u of [admin, researcher]) {
        const res = await call(u, 'GET', `/therapists/resolve/${codes.bob}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ id: bob.id, display_name: 'Dr. Bob' });
      }
    });

    it('needs a token', async () => {
      expect((await call(undefined, 'GET', `/therapists/resolve/${codes.alice}`)).statusCode).toBe(401);
      expect(
        (await call(undefined, 'POST', '/therapists/resolve/batch', { patient_codes: ['P701'] })).statusCode,
      ).toBe(401);
    });
  });

  describe('POST /therapists/resolve/batch', () => {
    it('resolves one code, upper-cased', async () => {
      const res = await call(alice, 'POST', '/therapists/resolve/batch', {
        patient_codes: [codes.alice.toLowerCase()],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        therapists: {
          [codes.alice]: {
            id: alice.id,
            first_name: 'Test',
            last_name: 'Alice',
            user_code: await userCode(alice.id),
            role: 'therapist',
            display_name: 'Dr. Alice',
          },
        },
        not_found: [],
      });
    });

    it('resolves 100 codes: the visible ones mapped, the rest (unknown or another therapist’s) in not_found', async () => {
      const unknown = Array.from({ length: 97 }, (_, i) => `p${800 + i}`);
      const patient_codes = [codes.alice, codes.bob, codes.nameless, ...unknown];
      expect(patient_codes).toHaveLength(100);

      const mine = (await call(alice, 'POST', '/therapists/resolve/batch', { patient_codes })).json();
      expect(Object.keys(mine.therapists)).toEqual([codes.alice]);
      expect(mine.therapists[codes.alice].display_name).toBe('Dr. Alice');
      expect(mine.not_found).toEqual([codes.bob, codes.nameless, ...unknown.map((c) => c.toUpperCase())]);

      const all = (await call(admin, 'POST', '/therapists/resolve/batch', { patient_codes })).json();
      expect(Object.keys(all.therapists).sort()).toEqual([codes.alice, codes.bob, codes.nameless]);
      expect(all.therapists[codes.bob]).toMatchObject({
        id: bob.id,
        role: 'therapist',
        display_name: 'Dr. Bob',
      });
      expect(all.not_found).toHaveLength(97);
    });

    it.each([
      ['101 codes', { patient_codes: Array.from({ length: 101 }, (_, i) => `P${100 + i}`) }],
      ['0 codes', { patient_codes: [] }],
      ['no codes', {}],
      ['a non-string code', { patient_codes: [7] }],
      ['an unknown member', { patient_codes: ['P701'], extra: 1 }],
    ])('refuses %s with 422 and a detail', async (_name, body) => {
      const res = await call(alice, 'POST', '/therapists/resolve/batch', body);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: 'validation_failed', detail: expect.any(String) });
    });
  });

  describe('GET /therapists/by-id/{id}', () => {
    it('answers visible therapists and 404 with the original detail otherwise', async () => {
      expect((await call(alice, 'GET', `/therapists/by-id/${alice.id}`)).json().display_name).toBe(
        'Dr. Alice',
      );
      const hidden = await call(alice, 'GET', `/therapists/by-id/${bob.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().detail).toBe(`Therapist not found: ${bob.id}`);
      expect((await call(admin, 'GET', `/therapists/by-id/${admin.id}`)).statusCode).toBe(404);
    });
  });

  describe('GET /therapists/extract-patient-code', () => {
    it.each([
      ['c3d-examples/P012/Ghostly_Emg_20230321_17-50-17-0881.c3d', 'P012'],
      ['P005_session.c3d', 'P005'],
      ['p005/x.c3d', null],
    ])('%s -> %s', async (filePath, code) => {
      const res = await call(
        alice,
        'GET',
        `/therapists/extract-patient-code?file_path=${encodeURIComponent(filePath)}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ patient_code: code, file_path: filePath });
    });

    it('needs file_path (422)', async () => {
      const res = await call(alice, 'GET', '/therapists/extract-patient-code');
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toEqual(expect.any(String));
    });
  });

  describe('the resolution cache', () => {
    it('lets admins clear it (200) and nobody else (403)', async () => {
      for (const u of [alice, researcher]) {
        const refused = await call(u, 'POST', '/therapists/cache/clear');
        expect(refused.statusCode).toBe(403);
        expect(refused.json().detail).toEqual(expect.any(String));
      }
      const cleared = await call(admin, 'POST', '/therapists/cache/clear');
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json()).toMatchObject({
        message: 'Cache cleared successfully',
        cleared_entries: expect.any(Number),
      });
      expect(await stats()).toMatchObject({ size: 0, hits: 0, misses: 0, hit_rate: 0, store: 'memory' });
    });

    it('counts a miss then a hit, and its size, per caller', async () => {
      await call(admin, 'POST', '/therapists/cache/clear');
      await call(alice, 'GET', `/therapists/resolve/${codes.alice}`);
      expect(await stats()).toMatchObject({ size: 1, hits: 0, misses: 1 });
      await call(alice, 'GET', `/therapists/resolve/${codes.alice}`);
      expect(await stats()).toMatchObject({ size: 1, hits: 1, misses: 1, hit_rate: 0.5 });
      // Another caller has its own entry, and an unknown code is looked up each time, never cached.
      await call(admin, 'POST', '/therapists/resolve/batch', { patient_codes: [codes.alice, 'P999'] });
      await call(admin, 'POST', '/therapists/resolve/batch', { patient_codes: [codes.alice, 'P999'] });
      expect(await stats()).toMatchObject({ size: 2, hits: 2, misses: 4 });
      const body = await stats();
      expect(Object.keys(body).sort()).toEqual(
        ['hit_rate', 'hits', 'misses', 'scope', 'size', 'store', 'ttl_seconds'].sort(),
      );
    });

    it('serves a newly visible patient at once and a renamed therapist after the admin’s update', async () => {
      await call(alice, 'GET', `/therapists/resolve/${codes.alice}`);
      expect((await call(alice, 'GET', '/therapists/resolve/P704')).statusCode).toBe(404);
      await addPatient(alice.id, 'P704');
      expect((await call(alice, 'GET', '/therapists/resolve/P704')).statusCode).toBe(200);

      const renamed = await call(admin, 'PUT', `/admin/users/${alice.id}`, { last_name: 'Lovelace' });
      expect(renamed.statusCode).toBe(200);
      const res = await call(alice, 'GET', `/therapists/resolve/${codes.alice}`);
      expect(res.json().display_name).toBe('Dr. Lovelace');
    });
  });
});
