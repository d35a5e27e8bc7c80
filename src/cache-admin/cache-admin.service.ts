import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { CacheInspector } from '../infrastructure/cache/cache-inspector.js';
import { CacheService } from '../infrastructure/cache/cache.service.js';
import { AppConfig } from '../shared/config/app-config.js';
import { UnavailableError } from '../shared/errors/app-error.js';
import type {
  CacheConfigDto,
  CacheDashboardDto,
  CacheHealthDto,
  CacheInvalidatedDto,
  CacheStatsDto,
} from './dto/cache-admin.dto.js';

const MB = 1024 * 1024;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Figures and invalidation of the cache in use (Redis or in-memory). A store that does not
 * answer gives `healthy: false` / `status: "unavailable"`, never a failed request, except for
 * an invalidation, which cannot claim to have completed.
 */
@Injectable()
export class CacheAdminService {
  private readonly logger = new Logger(CacheAdminService.name);

  constructor(
    private readonly inspector: CacheInspector,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  async health(): Promise<CacheHealthDto> {
    const { backend } = this.inspector;
    const started = performance.now();
    try {
      await this.inspector.probe();
      return {
        healthy: true,
        message: 'All operations working',
        error: null,
        backend,
        latency_ms: round(performance.now() - started, 1),
        timestamp: new Date().toISOString(),
      };
    } catch (error) {
      return {
        healthy: false,
        message: backend === 'redis' ? 'Redis cache not available' : 'In-memory cache not available',
        error: reason(error),
        backend,
        timestamp: new Date().toISOString(),
      };
    }
  }

  async stats(): Promise<CacheStatsDto> {
    const counters = this.cache.stats();
    const total = counters.hits + counters.misses;
    const common = {
      hit_rate: total > 0 ? round(counters.hits / total, 3) : 0,
      hits: counters.hits,
      misses: counters.misses,
      total_requests: total,
      errors: counters.errors,
      counted_since: counters.since.toISOString(),
      config: this.configDto(),
    };
    try {
      const usage = await this.inspector.usage();
      return {
        status: 'connected',
        memory_mb: round(usage.memoryBytes / MB, 2),
        ...common,
        keys: usage.keys,
        ...(usage.server && {
          server: {
            used_memory_peak_mb: round(usage.server.usedMemoryPeakBytes / MB, 2),
            maxmemory_mb: round(usage.server.maxMemoryBytes / MB, 2),
            version: usage.server.version,
          },
        }),
        timestamp: new Date().toISOString(),
      };
    } catch (error) {
      return {
        status: 'unavailable',
        memory_mb: 0,
        ...common,
        keys: 0,
        error: reason(error),
        timestamp: new Date().toISOString(),
      };
    }
  }

  async invalidate(admin: AuthUser, pattern: string): Promise<CacheInvalidatedDto> {
    let deleted: number;
    try {
      deleted = await this.inspector.deleteMatching(pattern);
    } catch (error) {
      throw new UnavailableError('cache_unavailable', `The cache did not answer: ${reason(error)}`);
    }
    this.logger.log({ msg: 'cache invalidated', pattern, deleted, by: admin.id });
    return {
      status: 'completed',
      invalidated_keys: deleted,
      pattern,
      timestamp: new Date().toISOString(),
    };
  }

  async dashboard(): Promise<CacheDashboardDto> {
    const [health, stats] = await Promise.all([this.health(), this.stats()]);
    return {
      timestamp: new Date().toISOString(),
      health: {
        status: health.healthy ? 'healthy' : 'unhealthy',
        message: health.message,
        error: health.error,
      },
      performance: {
        memory_mb: stats.memory_mb,
        hit_rate: stats.hit_rate,
        total_requests: stats.total_requests,
        hits: stats.hits,
        misses: stats.misses,
      },
      config: stats.config,
      stats,
    };
  }

  private configDto(): CacheConfigDto {
    return {
      backend: this.inspector.backend,
      ttl_seconds: this.config.env.CACHE_TTL_SECONDS,
      key_prefix: this.inspector.keyPrefix,
    };
  }
}
