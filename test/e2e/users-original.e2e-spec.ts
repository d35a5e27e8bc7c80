import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer } from '../support/tokens.js';

/**
 * The original web client's admin calls (UserManagementTab, PasswordVaultTab, and its direct
 * reads), with the exact bodies it sends and every response field it reads.
 */
describe('admin user routes as the original client calls them', () => {
  let t: TestApp;
  let adminAuth: { authorization: string };
  let therapistAuth: { authorization: string };
  let therapistId: string;

  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } });
  const inject = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
    headers: { authorization: string } = adminAuth,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  /** UserManagementTab.handleCreateUser's body. */
  const createBody = (email: string, customPassword: string | null, adminNote = '') => ({
    email,
    first_name: 'Grace',
    last_name: 'Hopper',
    role: 'therapist',
    institution: 'Clinic',
    department: '',
    notify_user: false,
    custom_password: customPassword,
    admin_note: adminNote,
  });
  const auditOf = async (id: string) => (await inject('GET', `/admin/users/${id}/audit-log?limit=10`)).json();

  beforeAll(async () => {
    t = await createTestApp({ ADMIN_EMAIL: 'admin@orig.test', ADMIN_PASSWORD: 'admin-password-1' });
    adminAuth = bearer((await login('admin@orig.test', 'admin-password-1')).json().access_token);
    const created = await inject('POST', '/admin/users', createBody('staff@orig.test', 'staff-password'));
    therapistId = created.json().user_id;
    therapistAuth = bearer((await login('staff@orig.test', 'staff-password')).json().access_token);
  });
  afterAll(async () => t.close());

  describe('POST /admin/users', () => {
    it('creates with custom_password, answers the original fields, and the password logs in', async () => {
      const res = await inject(
        'POST',
        '/admin/users',
        createBody('grace@orig.test', 'custom-pass-1', 'Met at the kick-off'),
      );
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        success: true,
        user_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        user_code: expect.stringMatching(/^T\d{3}$/),
        message: expect.stringContaining('User created successfully'),
      });
      expect(body.temporary_password).toBeUndefined();
      expect(body.user).toMatchObject({
        id: body.user_id,
        user_code: body.user_code,
        email: 'grace@orig.test',
        institution: 'Clinic',
        department: null,
        access_level: 'basic',
        active: true,
      });

      const session = await login('grace@orig.test', 'custom-pass-1');
      expect(session.statusCode).toBe(200);
      expect(session.json().user.role).toBe('therapist');

      const audit = await auditOf(body.user_id);
      expect(audit.audit_logs[0]).toMatchObject({
        action: 'user_created',
        changes: {
          password_generated: false,
          notify_user: false,
          admin_note: 'Met at the kick-off',
          access_level: 'basic',
        },
      });
    });

    it('generates a password shown once when custom_password is null', async () => {
      const res = await inject('POST', '/admin/users', {
        ...createBody('generated@orig.test', null),
        access_level: 'advanced',
        delivery_method: 'manual',
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.temporary_password).toMatch(/^Temp-.{4}-.{4}-.{4}-.{4}$/);
      expect(body.user.access_level).toBe('advanced');
      expect((await login('generated@orig.test', body.temporary_password)).statusCode).toBe(200);
    });

    it('refuses a custom_password under 8 characters with 400 and the detail the client shows', async () => {
      const res = await inject('POST', '/admin/users', createBody('short@orig.test', 'seven77'));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: 'password_too_short',
        detail: 'Password must be at least 8 characters long',
      });
      expect((await login('short@orig.test', 'seven77')).statusCode).toBe(401);
    });

    it('answers 422 with a detail to a malformed body', async () => {
      const res = await inject('POST', '/admin/users', {
        ...createBody('bad@orig.test', null),
        role: 'patient',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: 'validation_failed', detail: expect.any(String) });
      const unknown = await inject('POST', '/admin/users', {
        ...createBody('bad@orig.test', null),
        shoe_size: 42,
      });
      expect(unknown.statusCode).toBe(422);
    });

    it('is for admins only', async () => {
      const res = await inject(
        'POST',
        '/admin/users',
        createBody('x@orig.test', 'password-123'),
        therapistAuth,
      );
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toEqual(expect.any(String));
    });
  });

  describe('PUT /admin/users/{id}', () => {
    it('takes the edit dialog’s body and answers {success, message, user}', async () => {
      const res = await inject('PUT', `/admin/users/${therapistId}`, {
        first_name: 'Grace',
        last_name: 'Brewster',
        role: 'therapist',
        institution: '',
        department: 'Rehabilitation',
        access_level: 'full',
        active: true,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ success: true, message: 'User updated successfully' });
      expect(body.user).toMatchObject({
        id: therapistId,
        last_name: 'Brewster',
        full_name: 'Grace Brewster',
        institution: null,
        department: 'Rehabilitation',
        access_level: 'full',
        active: true,
      });
      // This service's earlier shape (the profile at the top level) is kept.
      expect(body.full_name).toBe('Grace Brewster');
      const audit = await auditOf(therapistId);
      expect(audit.audit_logs[0]).toMatchObject({
        action: 'user_profile_updated',
        changes: { updated_fields: { last_name: 'Brewster', institution: null, access_level: 'full' } },
      });
    });

    it('treats null members as not given', async () => {
      const res = await inject('PUT', `/admin/users/${therapistId}`, {
        first_name: null,
        last_name: null,
        role: null,
        department: null,
        access_level: null,
        active: null,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({
        first_name: 'Grace',
        last_name: 'Brewster',
        role: 'therapist',
        department: 'Rehabilitation',
        access_level: 'full',
        active: true,
      });
    });

    it('answers 404 with a detail for an unknown user and 422 for a malformed id', async () => {
      const missing = await inject('PUT', '/admin/users/00000000-0000-4000-8000-000000000000', {
        active: true,
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().detail).toEqual(expect.any(String));
      expect((await inject('PUT', '/admin/users/not-a-uuid', { active: true })).statusCode).toBe(422);
    });
  });

  describe('POST /admin/users/{id}/reset-password', () => {
    /** UserManagementTab.handleSetTemporaryPassword's body. */
    const resetBody = (password: string) => ({
      new_password: password,
      delivery_method: 'manual',
      admin_note: 'Will deliver via WhatsApp or in-person',
    });

    it('refuses 7 characters (400, the client shows detail) and accepts 8', async () => {
      const short = await inject('POST', `/admin/users/${therapistId}/reset-password`, resetBody('abcdefg'));
      expect(short.statusCode).toBe(400);
      expect(short.json().detail).toBe('Password must be at least 8 characters long');

      const res = await inject('POST', `/admin/users/${therapistId}/reset-password`, resetBody('abcd1234'));
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        success: true,
        message: expect.any(String),
        masked_password: 'ab****34',
        expires_in_hours: null,
        delivery_instructions: expect.stringContaining('manual'),
      });
      expect(body.temporary_password).toBeUndefined();
      expect(JSON.stringify(body)).not.toContain('abcd1234');
      expect((await login('staff@orig.test', 'staff-password')).statusCode).toBe(401);
      expect((await login('staff@orig.test', 'abcd1234')).statusCode).toBe(200);

      const audit = await auditOf(therapistId);
      expect(audit.audit_logs[0]).toMatchObject({
        action: 'password_reset',
        changes: {
          password_generated: false,
          delivery_method: 'manual',
          admin_note: 'Will deliver via WhatsApp or in-person',
        },
      });
    });

    it('masks as the original: first 2, one * per hidden character, last 2', async () => {
      const res = await inject(
        'POST',
        `/admin/users/${therapistId}/reset-password`,
        resetBody('Secret-Passw0rd!'),
      );
      expect(res.json().masked_password).toBe(`Se${'*'.repeat(12)}d!`);
    });
  });

  describe('GET /admin/users/{id}/audit-log', () => {
    it('answers {success, count, audit_logs}, newest first, limited', async () => {
      const res = await inject('GET', `/admin/users/${therapistId}/audit-log?limit=2`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ success: true, count: 2 });
      expect(body.audit_logs).toHaveLength(2);
      expect(body.audit_logs[0]).toMatchObject({
        action: 'password_reset',
        table_name: 'user_profiles',
        record_id: therapistId,
      });
      expect((await inject('GET', `/admin/users/${therapistId}/audit-log?limit=0`)).statusCode).toBe(422);
    });
  });

  describe('the password vault', () => {
    it.each([
      ['GET', '/admin/password-vault', undefined],
      [
        'POST',
        '/admin/password-vault/3f1c2a52-3d2e-4c39-9a0e-0d6f1c1d2e3f/retrieve',
        { confirm_user_id: '3f1c2a52-3d2e-4c39-9a0e-0d6f1c1d2e3f', delivery_method: 'manual' },
      ],
    ] as const)('%s %s answers 410 with a detail the client shows', async (method, url, payload) => {
      const res = await inject(method, url, payload);
      expect(res.statusCode).toBe(410);
      expect(res.json()).toMatchObject({
        error: 'password_vault_removed',
        detail: expect.stringContaining('shown once'),
      });
      expect(res.json().detail).toContain('never stored');
      const refused = await inject(method, url, payload, therapistAuth);
      expect(refused.statusCode).toBe(403);
    });
  });
});
