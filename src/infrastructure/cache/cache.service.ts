import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';

/**
 * TTLs in milliseconds, per kind of entry; `undefined` means the cache's default lifetime,
 * CACHE_TTL_SECONDS (set in cache.module.ts). Session results and signals use it: their keys
 * change with every new result, so the lifetime only bounds memory. User profiles keep a short
 * fixed lifetime: a deactivated account must stop working within 30 s whatever is configured.
 */
export const CACHE_TTL: Record<'sessionResult' | 'userProfile' | 'sessionSignals', number | undefined> = {
  sessionResult: undefined,
  userProfile: 30 * 1000,
  /** Signals of a stored session: the file and the result version never change under a key. */
  sessionSignals: undefined,
};

/** Lookups through {@link CacheService} since this process started (GET /cache/stats). */
export interface CacheCounters {
  hits: number;
  /** Lookups that found nothing, including those that failed. */
  misses: number;
  /**
   * Errors: calls that threw, and those the store reported instead of throwing (the Redis store
   * fails calls quietly while it is away and also reports each reconnection attempt).
   */
  errors: number;
  since: Date;
}

/**
 * The only door to the cache: key builders, TTLs, failure isolation and hit/miss counting. A
 * cache outage degrades to misses (logged), never to failed requests.
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger(CacheService.name);
  private readonly counters: CacheCounters = { hits: 0, misses: 0, errors: 0, since: new Date() };

  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {
    for (const store of cache.stores ?? []) {
      store.on('error', () => {
        this.counters.errors += 1;
      });
    }
  }

  static sessionResultKey(sessionId: string, resultVersion: number): string {
    return `session:${sessionId}:result:v${resultVersion}`;
  }

  /** `part`: 'channels' or a channel and its downsampling, e.g. 'ch:CH1 Raw:f1:p6000:rms1'. */
  static sessionSignalsKey(sessionId: string, resultVersion: number, part: string): string {
    return `session:${sessionId}:signals:v${resultVersion}:${part}`;
  }

  static userProfileKey(userId: string): string {
    return `user:${userId}:profile`;
  }

  /** A copy: the counters keep moving. */
  stats(): CacheCounters {
    return { ...this.counters };
  }

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const value = (await this.cache.get<T>(key)) ?? undefined;
      if (value === undefined) this.counters.misses += 1;
      else this.counters.hits += 1;
      return value;
    } catch (error) {
      this.counters.misses += 1;
      this.counters.errors += 1;
      this.logger.warn({ msg: 'cache get failed', key, error: String(error) });
      return undefined;
    }
  }

  /** ttlMs undefined: the configured default lifetime (CACHE_TTL_SECONDS). */
  async set<T>(key: string, value: T, ttlMs: number | undefined): Promise<void> {
    try {
      await this.cache.set(key, value, ttlMs);
    } catch (error) {
      this.counters.errors += 1;
      this.logger.warn({ msg: 'cache set failed', key, error: String(error) });
    }
  }

  async del(key: string): Promise<void> {
    try {
      await this.cache.del(key);
    } catch (error) {
      this.counters.errors += 1;
      this.logger.warn({ msg: 'cache delete failed', key, error: String(error) });
    }
  }

  /** Cache-aside: returns the cached value or computes, stores and returns it. */
  async getOrSet<T>(key: string, ttlMs: number | undefined, load: () => Promise<T>): Promise<T> {
    const hit = await this.get<T>(key);
    if (hit !== undefined) return hit;
    const value = await load();
    await this.set(key, value, ttlMs);
    return value;
  }
}
