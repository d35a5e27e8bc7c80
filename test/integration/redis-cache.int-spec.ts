import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { CacheModule } from '../../src/infrastructure/cache/cache.module.js';
import { CacheService } from '../../src/infrastructure/cache/cache.service.js';
import { AppConfig } from '../../src/shared/config/app-config.js';
import { ConfigModule } from '../../src/shared/config/config.module.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('CacheService with the Redis store', () => {
  let cache: CacheService;
  let redis: Redis;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const config = AppConfig.fromEnv({ REDIS_URL });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), CacheModule],
    }).compile();
    const app = await moduleRef.init();
    cache = app.get(CacheService);
    redis = new Redis(REDIS_URL);
    close = async () => {
      await app.close();
      redis.disconnect();
    };
  });
  afterAll(async () => close());

  it('stores entries in Redis itself, not in memory', async () => {
    const key = `test:${randomUUID()}`;
    await cache.set(key, { counts: [18, 8] }, 60_000);
    expect(await cache.get(key)).toEqual({ counts: [18, 8] });
    const keys = await redis.keys(`*${key}*`);
    expect(keys.length).toBe(1);
    const ttl = await redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await cache.del(key);
    expect(await cache.get(key)).toBeUndefined();
    expect(await redis.keys(`*${key}*`)).toEqual([]);
  });
});
