import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  bearer,
  createUser,
  type FakeJwks,
  signHs256,
  startFakeJwks,
  supabaseClaims,
  type TestUser,
  unsignedToken,
} from '../support/tokens.js';

const SECRET = 'auth-e2e-self-hosted-secret-0123456789';
const SUPABASE_SECRET = 'auth-e2e-supabase-jwt-secret-0123456789';

describe('self-hosted login (embedded defaults)', () => {
  let t: TestApp;
  const login = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password }, remoteAddress: ip });

  beforeAll(async () => {
    t = await createTestApp({
      JWT_SECRET: SECRET,
      ADMIN_EMAIL: 'boot@example.org',
      ADMIN_PASSWORD: 'bootstrap-pass-1',
    });
  });
  afterAll(async () => t.close());

  it('logs the bootstrap admin in and returns a Supabase-shaped token', async () => {
    const res = await login('boot@example.org', 'bootstrap-pass-1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 3600,
      user: { id: expect.any(String), email: 'boot@example.org', role: 'admin' },
    });
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      sub: body.user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: 'boot@example.org',
    });
    const me = await t.app.inject({ method: 'GET', url: '/me', headers: bearer(body.access_token) });
    expect(me.json()).toMatchObject({ role: 'admin', user_code: 'A001' });
  });

  it('answers a wrong password with 401 invalid_credentials', async () => {
    const res = await login('boot@example.org', 'nope', '10.0.0.2');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_credentials');
    expect((await login('nobody@example.org', 'nope', '10.0.0.2')).json().error).toBe('invalid_credentials');
  });

  it('rate-limits failed logins per e-mail and IP', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('boot@example.org', 'wrong', '10.0.0.9')).statusCode).toBe(401);
    const blocked = await login('boot@example.org', 'bootstrap-pass-1', '10.0.0.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('too_many_login_attempts');
    expect((await login('boot@example.org', 'bootstrap-pass-1', '10.0.0.10')).statusCode).toBe(200);
  });

  it('rate-limits an account guessed from many addresses, and ignores a forged X-Forwarded-For', async () => {
    const guess = (ip: string, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'spray@example.org', password: 'wrong' },
        remoteAddress: ip,
        headers,
      });
    // without TRUST_PROXY the forwarded address is ignored: all five count against 10.1.0.1
    for (let i = 0; i < 5; i++)
      expect((await guess('10.1.0.1', { 'x-forwarded-for': `192.0.2.${i}` })).statusCode).toBe(401);
    expect((await guess('10.1.0.1', { 'x-forwarded-for': '192.0.2.99' })).statusCode).toBe(429);
    // 20 failures in all for the account, from any addresses, block it everywhere
    for (let i = 0; i < 15; i++) expect((await guess(`10.2.0.${i}`)).statusCode).toBe(401);
    const res = await guess('10.3.0.1');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({
      error: 'too_many_login_attempts',
      details: { retry_after_seconds: expect.any(Number) },
    });
  });

  describe('token checks', () => {
    let user: TestUser;
    const me = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/me', headers });
    beforeAll(async () => {
      user = await createUser(t.database, 'therapist');
    });

    it('accepts a valid HS256 token', async () => {
      expect((await me(bearer(await signHs256(SECRET, supabaseClaims(user))))).statusCode).toBe(200);
    });

    it.each([
      ['no token', async () => ({}), 401, 'token_missing'],
      ['alg none', async () => bearer(unsignedToken(supabaseClaims(user))), 401, 'token_invalid'],
      [
        'bad signature',
        async () => bearer(await signHs256('another-secret-that-is-long-enough-123', supabaseClaims(user))),
        401,
        'token_invalid',
      ],
      [
        'wrong algorithm (HS384)',
        async () =>
          bearer(
            await new SignJWT(supabaseClaims(user))
              .setProtectedHeader({ alg: 'HS384' })
              .sign(new TextEncoder().encode(SECRET)),
          ),
        401,
        'token_invalid',
      ],
      [
        'expired',
        async () =>
          bearer(await signHs256(SECRET, supabaseClaims(user, { exp: Math.floor(Date.now() / 1000) - 60 }))),
        401,
        'token_expired',
      ],
      [
        'wrong audience',
        async () => bearer(await signHs256(SECRET, supabaseClaims(user, { aud: 'anon' }))),
        401,
        'token_audience_invalid',
      ],
      ['garbage', async () => bearer('not.a.jwt'), 401, 'token_invalid'],
      [
        'unknown user',
        async () =>
          bearer(
            await signHs256(
              SECRET,
              supabaseClaims({ id: '00000000-0000-4000-8000-000000000000', email: 'x@y' }),
            ),
          ),
        401,
        'user_unknown',
      ],
    ] as const)('refuses %s', async (_name, headers, status, code) => {
      const res = await me(await headers());
      expect(res.statusCode).toBe(status);
      expect(res.json().error).toBe(code);
    });

    it('refuses an inactive user with 403 user_inactive', async () => {
      const inactive = await createUser(t.database, 'researcher', { active: false });
      const res = await me(bearer(await signHs256(SECRET, supabaseClaims(inactive))));
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('user_inactive');
    });
  });
});

describe('Supabase tokens (HS256 secret, ES256 and RS256 from JWKS)', () => {
  let jwks: FakeJwks;
  let t: TestApp;
  let user: TestUser;
  const me = (token: string) => t.app.inject({ method: 'GET', url: '/me', headers: bearer(token) });

  beforeAll(async () => {
    jwks = await startFakeJwks();
    t = await createTestApp({
      SUPABASE_URL: jwks.url,
      SUPABASE_JWT_SECRET: SUPABASE_SECRET,
      JWT_SECRET: SECRET,
    });
    user = await createUser(t.database, 'therapist');
  });
  afterAll(async () => {
    await t.close();
    await jwks.close();
  });

  it('accepts HS256 tokens signed with SUPABASE_JWT_SECRET', async () => {
    expect((await me(await signHs256(SUPABASE_SECRET, supabaseClaims(user)))).statusCode).toBe(200);
  });

  it('refuses HS256 tokens signed with the self-hosted secret', async () => {
    expect((await me(await signHs256(SECRET, supabaseClaims(user)))).json().error).toBe('token_invalid');
  });

  it('accepts ES256 tokens whose key is in the project JWKS', async () => {
    const res = await me(await jwks.sign(supabaseClaims(user)));
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(user.id);
  });

  it('refuses ES256 tokens with an unknown key id, expired, or for another audience', async () => {
    expect((await me(await jwks.sign(supabaseClaims(user), { kid: 'rotated-away' }))).json().error).toBe(
      'token_invalid',
    );
    const expired = supabaseClaims(user, { exp: Math.floor(Date.now() / 1000) - 5 });
    expect((await me(await jwks.sign(expired))).json().error).toBe('token_expired');
    expect((await me(await jwks.sign(supabaseClaims(user, { aud: 'other' })))).json().error).toBe(
      'token_audience_invalid',
    );
  });

  it('refuses alg none', async () => {
    expect((await me(unsignedToken(supabaseClaims(user)))).statusCode).toBe(401);
  });

  it('accepts RS256 tokens whose key is in the project JWKS', async () => {
    const res = await me(await jwks.sign(supabaseClaims(user), { alg: 'RS256' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(user.id);
  });

  it('refuses a token whose algorithm does not match its key (RS256 header, EC key id)', async () => {
    const res = await me(await jwks.sign(supabaseClaims(user), { alg: 'RS256', kid: jwks.kids.ES256 }));
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('token_invalid');
  });

  it('fetches the JWKS once and serves later tokens, unknown key ids included, from its cache', async () => {
    const before = jwks.fetches();
    expect(before).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 5; i++)
      expect((await me(await jwks.sign(supabaseClaims(user)))).statusCode).toBe(200);
    // an unknown key id may mean rotated keys, but refetching is rate-limited (30 s)
    for (let i = 0; i < 3; i++)
      expect((await me(await jwks.sign(supabaseClaims(user), { kid: `gone-${i}` }))).statusCode).toBe(401);
    expect(jwks.fetches()).toBe(before);
  });
});
