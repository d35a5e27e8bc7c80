import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ALLOWED = 'https://app.clinic.test';

const preflight = (t: TestApp, origin: string, method: string, headers = 'authorization,content-type') =>
  t.app.inject({
    method: 'OPTIONS',
    url: '/patients/P001/treatment-targets',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });

describe('CORS with ALLOWED_ORIGINS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ALLOWED_ORIGINS: `${ALLOWED}, http://localhost:3000` });
  });
  afterAll(async () => t.close());

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])('allows %s from a listed origin', async (method) => {
    const res = await preflight(
      t,
      ALLOWED,
      method,
      'authorization,content-type,x-request-id,x-supabase-signature',
    );
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    const methods = String(res.headers['access-control-allow-methods']).split(/,\s*/);
    expect(methods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
    );
    const headers = String(res.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/);
    expect(headers).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-request-id', 'x-supabase-signature']),
    );
  });

  it('gives no CORS grant to an origin that is not listed', async () => {
    const res = await preflight(t, 'https://evil.test', 'PUT');
    // Without Allow-Origin the browser refuses the request, whatever else is sent.
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('exposes X-Request-ID to a listed origin on actual requests', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'http://localhost:3000' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(String(res.headers['access-control-expose-headers']).toLowerCase()).toContain('x-request-id');
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });
});

describe('CORS without ALLOWED_ORIGINS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('grants no origin', async () => {
    const res = await preflight(t, ALLOWED, 'GET');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
