import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BootstrapAdminService } from '../../src/auth/bootstrap-admin.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer } from '../support/tokens.js';

/** The newcomer's path on the embedded default, as Swagger UI would drive it. */
describe('admin users and the first-run path', () => {
  let t: TestApp;
  let adminAuth: { authorization: string };

  const login = async (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } });

  beforeAll(async () => {
    t = await createTestApp({ ADMIN_EMAIL: 'admin@clinic.test', ADMIN_PASSWORD: 'admin-password-1' });
    const res = await login('admin@clinic.test', 'admin-password-1');
    adminAuth = bearer(res.json().access_token);
  });
  afterAll(async () => t.close());

  it('bootstrap admin creates a therapist, who logs in and creates a patient', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/admin/users',
      headers: adminAuth,
      payload: { email: 'Therapist@Clinic.test', role: 'therapist', first_name: 'Tess', last_name: 'Ray' },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.temporary_password).toMatch(/^Temp-.{4}-.{4}-.{4}-.{4}$/);
    expect(body.user).toMatchObject({
      email: 'therapist@clinic.test',
      role: 'therapist',
      user_code: 'T001',
      full_name: 'Tess Ray',
      active: true,
    });

    const session = await login('therapist@clinic.test', body.temporary_password);
    expect(session.statusCode).toBe(200);
    expect(session.json().user.role).toBe('therapist');
    const therapistAuth = bearer(session.json().access_token);
    const me = await t.app.inject({ method: 'GET', url: '/me', headers: therapistAuth });
    expect(me.json()).toMatchObject({ id: body.user.id, email: 'therapist@clinic.test', role: 'therapist' });
    const patient = await t.app.inject({
      method: 'POST',
      url: '/patients',
      headers: therapistAuth,
      payload: {},
    });
    expect(patient.statusCode).toBe(201);
    expect(patient.json().therapist_id).toBe(body.user.id);

    const forbidden = await t.app.inject({ method: 'GET', url: '/admin/users', headers: therapistAuth });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toBe('role_forbidden');
  });

  it('rejects a duplicate e-mail with 409', async () => {
    const payload = {
      email: 'dup@clinic.test',
      password: 'password-123',
      role: 'researcher',
      first_name: 'R',
      last_name: 'S',
    };
    expect(
      (await t.app.inject({ method: 'POST', url: '/admin/users', headers: adminAuth, payload })).statusCode,
    ).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/admin/users', headers: adminAuth, payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('email_taken');
  });

  it('lists users with e-mails, updates, deactivates, resets passwords, and audits each action', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/admin/users',
        headers: adminAuth,
        payload: {
          email: 'r2@clinic.test',
          password: 'first-password',
          role: 'researcher',
          first_name: 'Re',
          last_name: 'Search',
        },
      })
    ).json();
    const id = created.user.id as string;
    expect(created.temporary_password).toBeUndefined();

    const list = (
      await t.app.inject({ method: 'GET', url: '/admin/users?role=researcher', headers: adminAuth })
    ).json();
    expect(list.items.map((u: { email: string }) => u.email)).toContain('r2@clinic.test');

    const updated = await t.app.inject({
      method: 'PUT',
      url: `/admin/users/${id}`,
      headers: adminAuth,
      payload: { last_name: 'Er' },
    });
    expect(updated.json().full_name).toBe('Re Er');

    const reset = await t.app.inject({
      method: 'POST',
      url: `/admin/users/${id}/reset-password`,
      headers: adminAuth,
      payload: {},
    });
    expect(reset.statusCode).toBe(200);
    const newPassword = reset.json().temporary_password as string;
    expect(reset.json().masked_password).toMatch(/^Te\*+.{2}$/);
    expect((await login('r2@clinic.test', 'first-password')).statusCode).toBe(401);
    const ok = await login('r2@clinic.test', newPassword);
    expect(ok.statusCode).toBe(200);
    const researcherAuth = bearer(ok.json().access_token);

    await t.app.inject({
      method: 'PUT',
      url: `/admin/users/${id}`,
      headers: adminAuth,
      payload: { active: false },
    });
    const refused = await t.app.inject({ method: 'GET', url: '/me', headers: researcherAuth });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('user_inactive');
    expect((await login('r2@clinic.test', newPassword)).json().error).toBe('user_inactive');

    const audit = (
      await t.app.inject({ method: 'GET', url: `/admin/users/${id}/audit-log`, headers: adminAuth })
    ).json();
    expect(audit.audit_logs.map((a: { action: string }) => a.action)).toEqual([
      'user_profile_updated',
      'password_reset',
      'user_profile_updated',
      'user_created',
    ]);
  });

  it('does not let an admin lock themself out', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/me', headers: adminAuth })).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: `/admin/users/${me.id}`,
      headers: adminAuth,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('bootstrap admin without ADMIN_PASSWORD', () => {
  it('creates admin@localhost with a generated password only once', async () => {
    const t = await createTestApp();
    try {
      const admins = await t.database.kysely
        .selectFrom('user_profiles')
        .select('role')
        .where('role', '=', 'admin')
        .execute();
      expect(admins).toHaveLength(1);
      const account = await t.database.kysely
        .selectFrom('auth.users')
        .select(['email', 'encrypted_password'])
        .executeTakeFirstOrThrow();
      expect(account.email).toBe('admin@localhost');
      expect(account.encrypted_password).toMatch(/^scrypt\$/);
    } finally {
      await t.close();
    }
  });

  it('lets the newcomer log in as admin@localhost with the password kept in DATA_DIR (0600)', async () => {
    const warnings: string[] = [];
    const quiet = () => undefined;
    const logger = {
      log: quiet,
      error: quiet,
      debug: quiet,
      verbose: quiet,
      fatal: quiet,
      warn: (m: unknown) => void warnings.push(String(m)),
    };
    const t = await createTestApp({}, { logger });
    try {
      const file = join(t.dataDir, 'initial-admin-password');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const password = readFileSync(file, 'utf8').trim();
      // letters, digits and dashes only: nothing a shell expands inside double quotes
      expect(password).toMatch(/^[A-Za-z0-9]{6}(-[A-Za-z0-9]{6}){3}$/);
      // the log names the file, never the password
      expect(warnings.some((w) => w.includes(file))).toBe(true);
      expect(warnings.some((w) => w.includes(password))).toBe(false);
      const res = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'admin@localhost', password },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ email: 'admin@localhost', role: 'admin' });
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'admin@localhost', password: 'not-it' },
      });
      expect(wrong.statusCode).toBe(401);

      // the start-up check (run again, as at a restart) keeps the file while it still logs in ...
      const bootstrap = t.get(BootstrapAdminService);
      await bootstrap.onApplicationBootstrap();
      expect(existsSync(file)).toBe(true);
      // ... and removes it once the admin has changed the password
      const { access_token: token, user } = res.json<{ access_token: string; user: { id: string } }>();
      const reset = await t.app.inject({
        method: 'POST',
        url: `/admin/users/${user.id}/reset-password`,
        headers: bearer(token),
        payload: { new_password: 'my-own-password-1' },
      });
      expect(reset.statusCode).toBe(200);
      await bootstrap.onApplicationBootstrap();
      expect(existsSync(file)).toBe(false);
    } finally {
      await t.close();
    }
  });
});
