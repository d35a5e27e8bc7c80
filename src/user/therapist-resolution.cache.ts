import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CacheService } from '../infrastructure/cache/cache.service.js';
import { AppConfig } from '../shared/config/app-config.js';
import type { TherapistCacheStatsDto, TherapistDto } from './dto/therapist.dto.js';

/** Short: a reassigned or deleted patient is served from the cache at most this long. */
const ENTRY_TTL_MS = 60 * 1000;
/** The generation outlives any entry; if it is lost anyway, a new one simply orphans the old entries. */
const GENERATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const GENERATION_KEY = 'therapist-resolution:generation';
/** Past this many tracked keys, expired ones are pruned on the next store. */
const MAX_TRACKED = 10_000;

/**
 * Patient code -> therapist answers, through the shared CacheService (Redis when configured).
 *
 * Entries are keyed by the caller: an answer is the product of the caller's row-level security,
 * so it is only ever served back to that caller. Only positive answers are kept, so a patient
 * created a moment ago is never reported missing. Clearing switches to a new key generation
 * (kept in the cache itself, so every process sees it) instead of deleting keys one by one.
 * Hit and miss counters are this process's.
 */
@Injectable()
export class TherapistResolutionCache {
  private hits = 0;
  private misses = 0;
  /** key -> (generation, expiry) of the entries this process wrote, for `size`. */
  private readonly written = new Map<string, { generation: string; expires: number }>();

  constructor(
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  private static key(generation: string, callerId: string, patientCode: string): string {
    return `therapist-resolution:${generation}:${callerId}:${patientCode}`;
  }

  /**
   * The cached answers among `codes`. `generation` must be handed back to {@link store}, so
   * that answers read from the database before a clear are not stored after it.
   */
  async lookup(
    callerId: string,
    codes: readonly string[],
  ): Promise<{ generation: string; found: Map<string, TherapistDto>; missing: string[] }> {
    const generation = await this.generation();
    const values = await Promise.all(
      codes.map((code) =>
        this.cache.get<TherapistDto>(TherapistResolutionCache.key(generation, callerId, code)),
      ),
    );
    const found = new Map<string, TherapistDto>();
    const missing: string[] = [];
    codes.forEach((code, i) => {
      const value = values[i];
      if (value) found.set(code, value);
      else missing.push(code);
    });
    this.hits += found.size;
    this.misses += missing.length;
    return { generation, found, missing };
  }

  async store(generation: string, callerId: string, answers: ReadonlyMap<string, TherapistDto>) {
    const expires = Date.now() + ENTRY_TTL_MS;
    if (this.written.size > MAX_TRACKED) this.liveEntries(generation);
    await Promise.all(
      [...answers].map(([code, therapist]) => {
        const key = TherapistResolutionCache.key(generation, callerId, code);
        this.written.set(key, { generation, expires });
        return this.cache.set(key, therapist, ENTRY_TTL_MS);
      }),
    );
  }

  /** Drops every entry of every caller (all processes) and resets this process's counters. */
  async clear(): Promise<number> {
    const dropped = await this.invalidateAll();
    this.hits = 0;
    this.misses = 0;
    return dropped;
  }

  /**
   * Drops every entry of every caller (all processes); call after a change that can alter an
   * answer (a therapist's names, role or active flag; a patient's therapist). Returns how many
   * entries this process knew of.
   */
  async invalidateAll(): Promise<number> {
    const dropped = this.liveEntries(await this.generation());
    await this.cache.set(GENERATION_KEY, randomUUID(), GENERATION_TTL_MS);
    this.written.clear();
    return dropped;
  }

  async stats(): Promise<TherapistCacheStatsDto> {
    const lookups = this.hits + this.misses;
    return {
      size: this.liveEntries(await this.generation()),
      hits: this.hits,
      misses: this.misses,
      hit_rate: lookups === 0 ? 0 : this.hits / lookups,
      ttl_seconds: ENTRY_TTL_MS / 1000,
      store: this.config.env.REDIS_URL ? 'redis' : 'memory',
      scope: 'per caller; counters per process',
    };
  }

  private async generation(): Promise<string> {
    const current = await this.cache.get<string>(GENERATION_KEY);
    if (current) return current;
    // Missing (first use, eviction, or the cache is down): start a fresh generation, which
    // cannot resurrect entries written under an earlier one.
    const fresh = randomUUID();
    await this.cache.set(GENERATION_KEY, fresh, GENERATION_TTL_MS);
    return fresh;
  }

  private liveEntries(generation: string): number {
    const now = Date.now();
    for (const [key, entry] of this.written) {
      if (entry.generation !== generation || entry.expires <= now) this.written.delete(key);
    }
    return this.written.size;
  }
}
