import KeyvRedis from '@keyv/redis';
import { CACHE_MANAGER, CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Global, Module } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { AppConfig } from '../../shared/config/app-config.js';
import { CacheInspector } from './cache-inspector.js';
import { CacheService } from './cache.service.js';
import { MemoryCacheInspector } from './memory-cache-inspector.js';
import { createRedisCacheStore } from './redis-cache-store.js';
import { RedisCacheInspector } from './redis-cache-inspector.js';

/** Redis keys of this cache are `emg-cache::<key>`; the job queue's are `bull:...`. */
export const CACHE_NAMESPACE = 'emg-cache';

/** The inspector of whichever store the cache manager was given. */
function inspectorFor(cache: Cache): CacheInspector {
  const keyv = cache.stores[0];
  if (!keyv) throw new Error('The cache manager has no store');
  return keyv.store instanceof KeyvRedis
    ? new RedisCacheInspector(keyv.store)
    : new MemoryCacheInspector(keyv);
}

/**
 * Nest's cache manager with a Redis store (@keyv/redis) in server mode and the in-memory default
 * otherwise. cache-manager-ioredis cannot be used: cache-manager 7 ignores or rejects it (README).
 */
@Global()
@Module({
  imports: [
    NestCacheModule.registerAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => ({
        ttl: config.env.CACHE_TTL_SECONDS * 1000,
        ...(config.env.REDIS_URL
          ? { stores: [await createRedisCacheStore(config.env.REDIS_URL, CACHE_NAMESPACE)] }
          : {}),
      }),
    }),
  ],
  providers: [CacheService, { provide: CacheInspector, inject: [CACHE_MANAGER], useFactory: inspectorFor }],
  exports: [CacheService, CacheInspector],
})
export class CacheModule {}
