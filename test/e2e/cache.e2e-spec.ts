import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CacheService } from '../../src/infrastructure/cache/cache.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'cache-e2e-secret-with-at-least-32-characters';
const ROUTES = [
  ['GET', '/cache/health'],
  ['GET', '/cache/stats'],
  ['POST', '/cache/invalidate?pattern=session:*'],
  ['GET', '/cache/dashboard'],
] as const;

/** /cache/* on the embedded default: the in-memory cache of this process. */
describe('cache monitoring routes', () => {
  let t: TestApp;
  let admin: TestUser;
  let cache: CacheService;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const call = async (method: 'GET' | 'POST', url: string, u: TestUser = admin) =>
    t.app.inject({ method, url, headers: await auth(u) });

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET, CACHE_TTL_SECONDS: '120' });
    admin = await createUser(t.database, 'admin');
    cache = t.get(CacheService);
  });
  afterAll(async () => t.close());

  it.each(ROUTES)('%s %s is for admins only', async (method, url) => {
    for (const role of ['therapist', 'researcher'] as const) {
      const res = await call(method, url, await createUser(t.database, role));
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe('This action requires the role admin');
    }
    expect((await t.app.inject({ method, url })).statusCode).toBe(401);
  });

  it('reports the in-memory cache healthy', async () => {
    const res = await call('GET', '/cache/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      healthy: true,
      message: 'All operations working',
      error: null,
      backend: 'memory',
      latency_ms: expect.any(Number),
      timestamp: expect.any(String),
    });
  });

  it('counts hits and misses of the cache service and estimates its memory', async () => {
    const before = (await call('GET', '/cache/stats')).json();
    expect(await cache.get('test:absent')).toBeUndefined();
    await cache.set('test:present', { blob: 'x'.repeat(300_000) }, 60_000);
    expect(await cache.get('test:present')).toBeDefined();
    expect(await cache.get('test:present')).toBeDefined();

    const res = await call('GET', '/cache/stats');
    expect(res.statusCode).toBe(200);
    const after = res.json();
    // The admin's own authentication also reads the cache (the profile), hence "at least".
    expect(after.hits - before.hits).toBeGreaterThanOrEqual(2);
    expect(after.misses - before.misses).toBeGreaterThanOrEqual(1);
    expect(after.total_requests).toBe(after.hits + after.misses);
    expect(after.hit_rate).toBeCloseTo(after.hits / after.total_requests, 3);
    expect(after).toMatchObject({
      status: 'connected',
      errors: 0,
      config: { backend: 'memory', ttl_seconds: 120, key_prefix: '' },
    });
    expect(after.memory_mb).toBeGreaterThanOrEqual(0.29);
    expect(after.keys).toBeGreaterThanOrEqual(2);
    await cache.del('test:present');
  });

  it('invalidates the matching keys only', async () => {
    for (const key of ['session:a:result:v1', 'session:b:result:v2', 'sessions:c', 'user:u1:profile'])
      await cache.set(key, { key }, 60_000);
    const res = await call('POST', '/cache/invalidate?pattern=session:?:result:*');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'completed',
      invalidated_keys: 2,
      pattern: 'session:?:result:*',
      timestamp: expect.any(String),
    });
    expect(await cache.get('session:a:result:v1')).toBeUndefined();
    expect(await cache.get('session:b:result:v2')).toBeUndefined();
    expect(await cache.get('sessions:c')).toEqual({ key: 'sessions:c' });
    expect(await cache.get('user:u1:profile')).toEqual({ key: 'user:u1:profile' });

    const exact = (await call('POST', '/cache/invalidate?pattern=sessions:c')).json();
    expect(exact.invalidated_keys).toBe(1);
    expect((await call('POST', '/cache/invalidate?pattern=nothing:*')).json().invalidated_keys).toBe(0);
  });

  it.each([
    ['missing', ''],
    ['empty', '?pattern='],
    ['a character class', '?pattern=session:[ab]*'],
    ['a backslash', '?pattern=session:%5C*'],
    ['a space', '?pattern=a%20b'],
    ['too long', `?pattern=${'a'.repeat(201)}`],
    ['an unknown parameter', '?pattern=x&all=true'],
  ])('refuses a pattern that is %s with 422', async (_name, query) => {
    const res = await call('POST', `/cache/invalidate${query}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe('Request validation failed');
  });

  it('puts health and stats on the dashboard', async () => {
    const res = await call('GET', '/cache/dashboard');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.health).toEqual({ status: 'healthy', message: 'All operations working', error: null });
    expect(body.performance).toEqual({
      memory_mb: expect.any(Number),
      hit_rate: expect.any(Number),
      total_requests: expect.any(Number),
      hits: expect.any(Number),
      misses: expect.any(Number),
    });
    expect(body.config).toEqual({ backend: 'memory', ttl_seconds: 120, key_prefix: '' });
    expect(body.stats.status).toBe('connected');
  });
});
