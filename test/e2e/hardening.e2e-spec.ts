import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOGIN_BODY_LIMIT } from '../../src/auth/auth.controller.js';
import { IdentityProvider } from '../../src/auth/identity/identity-provider.js';
import { migratedPglite } from '../support/pglite-snapshot.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims } from '../support/tokens.js';

const SECRET = 'hardening-e2e-jwt-secret-0123456789abcdef';
/** The server-wide JSON body limit (2 MiB): the hostile bodies stay just under it. */
const SERVER_LIMIT = 2 * 1024 * 1024;

/** `{"a":[[[[...0...]]]]}` of about `bytes` bytes. */
function nested(bytes: number): string {
  const depth = Math.floor((bytes - 10) / 2);
  return `{"a":${'['.repeat(depth)}0${']'.repeat(depth)}}`;
}

/** The median time of five runs of `run`, in ms. */
async function medianMs(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

describe('input limits before parsing', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let patientCode: string;
  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    const therapist = await createUser(t.database, 'therapist');
    headers = bearer(await signHs256(SECRET, supabaseClaims(therapist)));
    patientCode = (await t.app.inject({ method: 'POST', url: '/patients', headers, payload: {} })).json()
      .patient_code;
  });
  afterAll(async () => t.close());

  const login = (payload: string | Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload,
    });
  const medicalInfo = (payload: string | Buffer) =>
    t.app.inject({
      method: 'PUT',
      url: `/patients/${patientCode}/medical-info`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload,
    });
  const person = (firstName: string) =>
    `{"first_name":"${firstName}","last_name":"Doe","date_of_birth":"1948-03-14","gender":"F"}`;

  it('answers a 1.8 MB deeply nested body on a JSON route with 400 json_too_deep within 50 ms', async () => {
    const body = Buffer.from(nested(1.8 * 1024 * 1024));
    expect(body.length).toBeLessThan(SERVER_LIMIT);
    const res = await medicalInfo(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('json_too_deep');
    expect(await medianMs(() => medicalInfo(body))).toBeLessThan(50);
  });

  it('answers a nested body on login with 400 json_too_deep within 50 ms, a large one with 413', async () => {
    const small = nested(1000);
    const res = await login(small);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('json_too_deep');
    expect(await medianMs(() => login(small))).toBeLessThan(50);
    const big = Buffer.from(nested(1.8 * 1024 * 1024));
    const large = await login(big);
    expect(large.statusCode).toBe(413);
    expect(await medianMs(() => login(big))).toBeLessThan(50);
  });

  it('answers NUL and control characters with 400 invalid_character within 50 ms', async () => {
    for (const bad of ['Ann\\u0000', 'Ann\\u0007', 'Ann\\u001b[31m', 'Ann\\b', 'Ann\\u0085']) {
      const res = await medicalInfo(person(bad));
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_character');
    }
    const nul = `{"email":"a@b.org","password":"x\\u0000"}`;
    expect((await login(nul)).json()).toMatchObject({ statusCode: 400, error: 'invalid_character' });
    expect(await medianMs(() => login(nul))).toBeLessThan(50);
    expect(await medianMs(() => medicalInfo(person('Ann\\u0000')))).toBeLessThan(50);
  });

  it('near miss: tabs, newlines and other text pass, and the same body without the character is stored', async () => {
    expect((await medicalInfo(person('Ann\\tMarie\\nO\\u2019Neil é'))).statusCode).toBe(200);
    expect((await medicalInfo(person('Ann'))).statusCode).toBe(200);
  });

  it('refuses a login body one byte over its limit (413) and parses one at the limit', async () => {
    const body = (size: number) => {
      const shell = '{"email":"a@b.org","password":""}';
      return `{"email":"a@b.org","password":"${'x'.repeat(size - shell.length)}"}`;
    };
    expect(body(LOGIN_BODY_LIMIT)).toHaveLength(LOGIN_BODY_LIMIT);
    const at = await login(body(LOGIN_BODY_LIMIT));
    // parsed, then refused by validation (the password is longer than 1024 characters)
    expect(at.statusCode).toBe(400);
    expect(at.json().error).toBe('validation_failed');
    const over = await login(body(LOGIN_BODY_LIMIT + 1));
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toBe('payload_too_large');
  });

  it('keeps the server-wide limit on other JSON routes (one byte over 2 MiB: 413)', async () => {
    const padded = (size: number) => {
      const shell = person('Ann').slice(0, -1) + ',"notes":""}';
      return shell.slice(0, -2) + ' '.repeat(size - shell.length) + '"}';
    };
    expect(padded(SERVER_LIMIT)).toHaveLength(SERVER_LIMIT);
    expect((await medicalInfo(padded(SERVER_LIMIT + 1))).statusCode).toBe(413);
    expect((await medicalInfo(padded(SERVER_LIMIT))).statusCode).not.toBe(413);
  });
});

describe('security headers', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    const user = await createUser(t.database, 'researcher');
    headers = bearer(await signHs256(SECRET, supabaseClaims(user)));
  });
  afterAll(async () => t.close());

  const common = (h: Record<string, unknown>) => {
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
    const csp = String(h['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
  };

  it('on /health', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    common(res.headers);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('on /docs and its assets, which may be cached', async () => {
    for (const url of ['/docs', '/docs/swagger-ui-init.js']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      common(res.headers);
      expect(res.headers['cache-control']).not.toBe('no-store');
    }
  });

  it('with Cache-Control: no-store on authenticated responses, errors included', async () => {
    for (const url of ['/me', '/sessions', '/patients/P999']) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      common(res.headers);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const refused = await t.app.inject({ method: 'GET', url: '/me', headers: bearer('not.a.token') });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('request timeouts', () => {
  it('answers a handler that does not finish within twice REQUEST_TIMEOUT_MS with 503', async () => {
    const database = await migratedPglite();
    await createUser(database, 'admin');
    const identity = {
      kind: 'self-hosted',
      signIn: () => new Promise(() => undefined),
      createUser: () => Promise.reject(new Error('not used')),
      deleteUser: () => Promise.resolve(),
      setPassword: () => Promise.resolve(),
    };
    const t = await createTestApp(
      { JWT_SECRET: SECRET, REQUEST_TIMEOUT_MS: '1000' },
      { database, overrides: [{ provide: IdentityProvider, useValue: identity }] },
    );
    try {
      const started = performance.now();
      const res = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'a@b.org', password: 'x' },
      });
      const elapsed = performance.now() - started;
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ statusCode: 503, requestId: expect.any(String) });
      expect(elapsed).toBeGreaterThanOrEqual(1950);
      expect(elapsed).toBeLessThan(6000);
      // near miss: a quick request on the same server is answered normally
      expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
