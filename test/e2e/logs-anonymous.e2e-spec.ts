import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'logs-anon-e2e-secret-with-at-least-32-chars';

/** POST /logs/frontend without a token under ANONYMOUS_ANALYSIS=true, rate-limited per address. */
describe('frontend logs without a token', () => {
  let t: TestApp;
  let admin: TestUser;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const postAnonymously = (logs: unknown[], remoteAddress = '198.51.100.7') =>
    t.app.inject({ method: 'POST', url: '/logs/frontend', payload: { logs }, remoteAddress });

  beforeAll(async () => {
    t = await createTestApp({
      JWT_SECRET: SECRET,
      ANONYMOUS_ANALYSIS: 'true',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3',
    });
    admin = await createUser(t.database, 'admin');
  });
  afterAll(async () => t.close());

  it('stores the lines with no user, and refuses the fourth request a minute with 429 and Retry-After', async () => {
    for (let i = 1; i <= 3; i++) {
      const res = await postAnonymously([`anonymous ${i}`]);
      expect(res.statusCode).toBe(200);
      expect(res.json().message).toBe('Received 1 log entries');
    }
    const limited = await postAnonymously(['one too many']);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.json()).toMatchObject({
      error: 'rate_limited',
      detail: expect.stringMatching(/anonymous/),
    });

    // Another address has its own allowance; a token is never rate-limited this way.
    expect((await postAnonymously(['elsewhere'], '198.51.100.8')).statusCode).toBe(200);
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/logs/frontend',
      headers: await auth(admin),
      payload: { logs: ['signed in'] },
      remoteAddress: '198.51.100.7',
    });
    expect(withToken.statusCode).toBe(200);

    const tail = await t.app.inject({
      method: 'GET',
      url: '/logs/frontend/tail?lines=5',
      headers: await auth(admin),
    });
    const { logs, entries } = tail.json();
    expect(logs).toEqual(['anonymous 1', 'anonymous 2', 'anonymous 3', 'elsewhere', 'signed in']);
    expect(entries[0]).toMatchObject({ user_id: null, client_address: '198.51.100.7' });
    expect(entries[3]).toMatchObject({ user_id: null, client_address: '198.51.100.8' });
    expect(entries[4]).toMatchObject({ user_id: admin.id });
  });

  it('still verifies a token that is sent', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/logs/frontend',
      headers: { authorization: 'Bearer not-a-token' },
      payload: { logs: ['x'] },
      remoteAddress: '198.51.100.9',
    });
    expect(res.statusCode).toBe(401);
  });

  it('keeps the tail for admins (no anonymous reads)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/logs/frontend/tail',
      remoteAddress: '198.51.100.10',
    });
    expect(res.statusCode).toBe(401);
  });

  it('validates anonymous batches like any other (422)', async () => {
    const res = await postAnonymously(Array(101).fill('x'), '198.51.100.11');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe('Request validation failed');
  });
});
