import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { CacheAdminModule } from '../../src/cache-admin/cache-admin.module.js';
import { CacheAdminService } from '../../src/cache-admin/cache-admin.service.js';
import type { AuthUser } from '../../src/auth/auth-user.js';
import { CacheModule } from '../../src/infrastructure/cache/cache.module.js';
import { CacheService } from '../../src/infrastructure/cache/cache.service.js';
import { AppConfig } from '../../src/shared/config/app-config.js';
import { ConfigModule } from '../../src/shared/config/config.module.js';
import { UnavailableError } from '../../src/shared/errors/app-error.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN = { id: randomUUID(), email: null, role: 'admin', claims: {} } as AuthUser;

async function boot(redisUrl: string) {
  const config = AppConfig.fromEnv({ REDIS_URL: redisUrl, CACHE_TTL_SECONDS: '600' });
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), CacheModule, CacheAdminModule],
  }).compile();
  const app = await moduleRef.init();
  return { app, admin: app.get(CacheAdminService), cache: app.get(CacheService) };
}

describe('cache monitoring against Redis', () => {
  let admin: CacheAdminService;
  let cache: CacheService;
  let redis: Redis;
  let close: () => Promise<void>;
  // Every key of this run carries the run id: other suites share the server.
  const run = randomUUID();

  beforeAll(async () => {
    const booted = await boot(REDIS_URL);
    admin = booted.admin;
    cache = booted.cache;
    redis = new Redis(REDIS_URL);
    close = async () => {
      await booted.app.close();
      redis.disconnect();
    };
  });
  afterAll(async () => close());

  it('is healthy, with a measured round trip and no probe key left behind', async () => {
    const health = await admin.health();
    expect(health).toMatchObject({ healthy: true, backend: 'redis', error: null });
    expect(health.latency_ms).toBeGreaterThanOrEqual(0);
    expect(await redis.keys('emg-cache::health:probe:*')).toEqual([]);
  });

  it("reports the server's memory, this cache's keys and this process's hits and misses", async () => {
    const before = await admin.stats();
    await cache.set(`test:${run}:a`, { n: 1 }, 60_000);
    await cache.set(`test:${run}:b`, { n: 2 }, 60_000);
    expect(await cache.get(`test:${run}:a`)).toEqual({ n: 1 });
    expect(await cache.get(`test:${run}:absent`)).toBeUndefined();
    const after = await admin.stats();

    expect(after.status).toBe('connected');
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses - before.misses).toBe(1);
    expect(after.keys).toBeGreaterThanOrEqual(2);
    const usedMemory = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    expect(after.memory_mb).toBeGreaterThan(0);
    expect(after.memory_mb).toBeCloseTo(usedMemory / 1024 / 1024, 0);
    expect(after.server?.version).toMatch(/^\d+\./);
    expect(after.config).toEqual({ backend: 'redis', ttl_seconds: 600, key_prefix: 'emg-cache::' });
    await cache.del(`test:${run}:a`);
    await cache.del(`test:${run}:b`);
  });

  it("deletes only this cache's matching keys: never the job queue's, nor keys outside the prefix", async () => {
    await cache.set(`test:${run}:x:1`, 1, 60_000);
    await cache.set(`test:${run}:x:2`, 2, 60_000);
    await cache.set(`test:${run}:y`, 3, 60_000);
    const foreign = [
      `bull:test:${run}:x:1`,
      `test:${run}:x:1`,
      `emg-cache2::test:${run}:x:1`,
      `emg-cache:test:${run}:x:1`,
    ];
    for (const key of foreign) await redis.set(key, 'keep', 'PX', 60_000);
    await redis.hset(`bull:emg:${run}:x:job`, { data: '{}' });
    await redis.pexpire(`bull:emg:${run}:x:job`, 60_000);

    const result = await admin.invalidate(ADMIN, `test:${run}:x:*`);
    expect(result).toMatchObject({ status: 'completed', invalidated_keys: 2, pattern: `test:${run}:x:*` });
    expect(await cache.get(`test:${run}:x:1`)).toBeUndefined();
    expect(await cache.get(`test:${run}:y`)).toBe(3);
    for (const key of foreign) expect(await redis.get(key)).toBe('keep');
    expect(await redis.hget(`bull:emg:${run}:x:job`, 'data')).toBe('{}');

    expect((await admin.invalidate(ADMIN, `*${run}*`)).invalidated_keys).toBe(1);
    for (const key of foreign) expect(await redis.exists(key)).toBe(1);
    await redis.del(...foreign, `bull:emg:${run}:x:job`);
  });
});

describe('cache monitoring with Redis down', () => {
  let booted: Awaited<ReturnType<typeof boot>>;
  // Nothing listens on port 1.
  beforeAll(async () => {
    booted = await boot('redis://127.0.0.1:1');
  });
  afterAll(async () => booted.app.close());

  it('answers healthy: false and status "unavailable" instead of failing, at once', async () => {
    const started = Date.now();
    expect(await booted.cache.get('anything')).toBeUndefined();
    await booted.cache.set('anything', 1, 1000);
    const health = await booted.admin.health();
    expect(health).toMatchObject({ healthy: false, message: 'Redis cache not available', backend: 'redis' });
    expect(health.error).toEqual(expect.any(String));
    const stats = await booted.admin.stats();
    expect(stats).toMatchObject({ status: 'unavailable', memory_mb: 0, keys: 0 });
    expect(stats.misses).toBeGreaterThanOrEqual(1);
    expect(stats.errors).toBeGreaterThanOrEqual(1);
    const dashboard = await booted.admin.dashboard();
    expect(dashboard.health.status).toBe('unhealthy');
    // No call waited for a connection (the store fails fast while it reconnects).
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses to claim an invalidation it could not do (503)', async () => {
    await expect(booted.admin.invalidate(ADMIN, 'session:*')).rejects.toBeInstanceOf(UnavailableError);
  });
});
