import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('self-hosted login (embedded defaults)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ADMIN_EMAIL: 'boot@example.org', ADMIN_PASSWORD: 'bootstrap-pass-1' });
  });
  afterAll(async () => t.close());

  it('logs the bootstrap admin in and returns a Supabase-shaped token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'boot@example.org', password: 'bootstrap-pass-1' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 3600,
      user: { id: expect.any(String), email: 'boot@example.org', role: 'admin' },
    });
  });
});
