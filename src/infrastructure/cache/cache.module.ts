import { createKeyvNonBlocking } from '@keyv/redis';
import { CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../shared/config/app-config.js';
import { CacheService } from './cache.service.js';

/**
 * Nest's cache manager with a Redis store (@keyv/redis) in server mode and the in-memory default
 * otherwise. cache-manager-ioredis cannot be used: cache-manager 7 ignores or rejects it (README).
 */
@Global()
@Module({
  imports: [
    NestCacheModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ttl: config.env.CACHE_TTL_SECONDS * 1000,
        ...(config.env.REDIS_URL
          ? { stores: [createKeyvNonBlocking(config.env.REDIS_URL, { namespace: 'emg-cache' })] }
          : {}),
      }),
    }),
  ],
  providers: [CacheService],
  exports: [CacheService],
})
export class CacheModule {}
