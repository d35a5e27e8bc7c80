import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BadGatewayException, ServiceUnavailableException } from '@nestjs/common';
import { IdentityProvider } from '../../src/auth/identity/identity-provider.js';
import { MAX_PER_ADDRESS } from '../../src/auth/login-rate-limiter.js';
import { UnauthorizedError } from '../../src/shared/errors/app-error.js';
import { migratedPglite } from '../support/pglite-snapshot.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'auth-hardening-self-hosted-secret-0123456789';
const now = () => Math.floor(Date.now() / 1000);

describe('login throttling per client address, tokens without exp', () => {
  let t: TestApp;
  let user: TestUser;
  const login = (email: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password }, remoteAddress: ip });

  beforeAll(async () => {
    t = await createTestApp({
      JWT_SECRET: SECRET,
      ADMIN_EMAIL: 'boot@example.org',
      ADMIN_PASSWORD: 'bootstrap-pass-1',
    });
    user = await createUser(t.database, 'therapist');
  });
  afterAll(async () => t.close());

  it('throttles password spraying: many e-mails from one address, then even a right password gets 429', async () => {
    const ip = '10.9.0.1';
    // up to the limit, every failure is an ordinary 401 (the near miss: one fewer is not throttled)
    for (let i = 0; i < MAX_PER_ADDRESS; i++) {
      const res = await login(`spray-${i}@example.org`, 'Summer2024!', ip);
      expect(res.statusCode).toBe(401);
    }
    const blocked = await login('boot@example.org', 'bootstrap-pass-1', ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({
      error: 'too_many_login_attempts',
      details: { retry_after_seconds: expect.any(Number) },
    });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBe(blocked.json().details.retry_after_seconds);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // another address is not affected
    expect((await login('boot@example.org', 'bootstrap-pass-1', '10.9.0.2')).statusCode).toBe(200);
  });

  it('sends Retry-After on the per-account 429 too', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('boot@example.org', 'wrong', '10.9.1.1')).statusCode).toBe(401);
    const blocked = await login('boot@example.org', 'wrong', '10.9.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('near miss: one failure under the address limit, the right password still logs in', async () => {
    for (let i = 0; i < MAX_PER_ADDRESS - 1; i++)
      expect((await login(`typo-${i}@example.org`, 'x', '10.9.2.1')).statusCode).toBe(401);
    expect((await login('boot@example.org', 'bootstrap-pass-1', '10.9.2.1')).statusCode).toBe(200);
    expect((await login('boot@example.org', 'bootstrap-pass-1', '10.9.2.1')).statusCode).toBe(200);
  });

  describe('expiry', () => {
    const me = async (claims: Record<string, unknown>) =>
      t.app.inject({ method: 'GET', url: '/me', headers: bearer(await signHs256(SECRET, claims)) });

    it('refuses a token without exp (it would be valid forever)', async () => {
      const { exp: _exp, ...claims } = supabaseClaims(user);
      const res = await me(claims);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'token_invalid', message: expect.stringMatching(/exp/) });
    });

    it.each([
      ['null', null],
      ['a string', String(now() + 3600)],
    ])('refuses a token whose exp is %s', async (_what, exp) => {
      expect((await me(supabaseClaims(user, { exp }))).statusCode).toBe(401);
    });

    it('refuses a token one second past its exp', async () => {
      const res = await me(supabaseClaims(user, { exp: now() - 1 }));
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('token_expired');
    });

    it('near miss: accepts a token that expires in a few seconds', async () => {
      expect((await me(supabaseClaims(user, { exp: now() + 5 }))).statusCode).toBe(200);
    });
  });
});

/** Whatever a 5xx carries (a driver's message, an upstream's answer) never reaches the client. */
describe('5xx error bodies are masked', () => {
  let t: TestApp;
  const failures: Record<string, () => Error> = {
    'unknown@example.org': () => new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'),
    'gateway@example.org': () => new BadGatewayException('upstream answered: token sk_live_hunter2'),
    'unavailable@example.org': () => new ServiceUnavailableException('pool host db.internal hunter2'),
    'wrong@example.org': () => new UnauthorizedError('invalid_credentials', 'Invalid e-mail or password'),
  };

  beforeAll(async () => {
    const database = await migratedPglite();
    await createUser(database, 'admin');
    const identity = {
      kind: 'self-hosted',
      signIn: (email: string) => Promise.reject(failures[email]!()),
      createUser: () => Promise.reject(new Error('not used')),
      deleteUser: () => Promise.resolve(),
      setPassword: () => Promise.resolve(),
    };
    t = await createTestApp(
      { JWT_SECRET: SECRET },
      { database, overrides: [{ provide: IdentityProvider, useValue: identity }] },
    );
  });
  afterAll(async () => t.close());

  const login = (email: string) =>
    t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password: 'x' } });

  it.each([
    ['an unknown error', 'unknown@example.org', 500, 'internal_error'],
    ['a 502 HTTP exception', 'gateway@example.org', 502, 'internal_error'],
    ['a 503 HTTP exception', 'unavailable@example.org', 503, 'unavailable'],
  ])('hides the message of %s', async (_what, email, status, code) => {
    const res = await login(email);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({
      error: code,
      message: 'An internal error occurred',
      detail: 'An internal error occurred',
      requestId: expect.any(String),
    });
    expect(res.body).not.toMatch(/hunter2|10\.0\.0\.5|db\.internal|stack|at /);
  });

  it('near miss: a 4xx keeps its message', async () => {
    const res = await login('wrong@example.org');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Invalid e-mail or password');
  });
});
