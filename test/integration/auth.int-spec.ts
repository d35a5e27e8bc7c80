import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestPostgres, type TestPostgres } from '../support/postgres.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'auth-int-secret-0123456789-0123456789';

/** The API's isolation guarantees, on real PostgreSQL (server mode). */
describe('auth and patient isolation on PostgreSQL', () => {
  let pgdb: TestPostgres;
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let researcher: TestUser;
  let bobCode: string;
  const call = async (u: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: bearer(await signHs256(SECRET, supabaseClaims(u))),
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    pgdb = await createTestPostgres();
    t = await createTestApp(
      {
        JWT_SECRET: SECRET,
        DATABASE_URL: pgdb.url,
        ADMIN_EMAIL: 'admin@pg.test',
        ADMIN_PASSWORD: 'admin-password-pg',
      },
      { database: pgdb.database },
    );
    alice = await createUser(pgdb.database, 'therapist');
    bob = await createUser(pgdb.database, 'therapist');
    researcher = await createUser(pgdb.database, 'researcher');
    const created = await call(bob, 'POST', '/patients', {});
    expect(created.statusCode).toBe(201);
    bobCode = created.json().patient_code;
  });
  afterAll(async () => {
    await t.close();
    await pgdb.drop();
  });

  it('logs the bootstrap admin in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'admin@pg.test', password: 'admin-password-pg' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('admin');
  });

  it.each([
    ['GET', '', undefined],
    ['PATCH', '', { pathology_category: 'x' }],
    ['GET', '/medical-info', undefined],
    ['PUT', '/medical-info', { first_name: 'A', last_name: 'B', date_of_birth: '1950-01-01', gender: 'F' }],
  ] as const)('gives another therapist 404 on %s /patients/:code%s', async (method, suffix, payload) => {
    expect((await call(alice, method, `/patients/${bobCode}${suffix}`, payload)).statusCode).toBe(404);
  });

  it('refuses researcher writes and inactive users', async () => {
    expect((await call(researcher, 'PATCH', `/patients/${bobCode}`, { active: false })).statusCode).toBe(403);
    const inactive = await createUser(pgdb.database, 'therapist', { active: false });
    const res = await call(inactive, 'GET', '/patients');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('user_inactive');
  });

  it('runs user requests as the authenticated role, never as the owner', async () => {
    const list = await call(alice, 'GET', '/patients');
    expect(list.json().total).toBe(0);
    expect((await call(researcher, 'GET', '/patients')).json().total).toBe(1);
  });
});
