/**
 * What the cache monitoring routes need from the store behind the cache manager: a round trip,
 * memory and key figures, and deletion of this service's own keys by glob. Bound in CacheModule
 * to the Redis or the in-memory implementation, whichever the cache manager uses.
 */
export type CacheBackend = 'redis' | 'memory';

export interface CacheUsage {
  /** Redis: the server's used_memory (shared with the job queue). Memory: an estimate. */
  memoryBytes: number;
  /** Entries of this service's cache (live entries in memory mode). */
  keys: number;
  /** Redis only: the server's own figures. */
  server?: { usedMemoryPeakBytes: number; maxMemoryBytes: number; version: string | null };
}

export abstract class CacheInspector {
  abstract readonly backend: CacheBackend;
  /** What every key of this service starts with in the store ('' when the store is private). */
  abstract readonly keyPrefix: string;
  /** A write, read and delete of a probe entry; throws when the store does not answer. */
  abstract probe(): Promise<void>;
  abstract usage(): Promise<CacheUsage>;
  /** Deletes this service's entries whose key (without the prefix) matches `glob`; returns how many. */
  abstract deleteMatching(glob: string): Promise<number>;
}

/**
 * Invalidation patterns: key characters plus the wildcards `*` and `?`. No `[`, `]` or `\`,
 * so a pattern can neither escape nor widen the key prefix it is appended to.
 */
export const CACHE_KEY_GLOB = /^[A-Za-z0-9_:.*?-]{1,200}$/;

export class InvalidCacheGlobError extends Error {
  constructor(glob: string) {
    super(`Invalid cache key pattern: ${JSON.stringify(glob)}`);
    this.name = 'InvalidCacheGlobError';
  }
}

export function assertCacheGlob(glob: string): void {
  if (!CACHE_KEY_GLOB.test(glob)) throw new InvalidCacheGlobError(glob);
}

/** The glob as an anchored regular expression with Redis's meaning of `*` and `?`. */
export function cacheGlobToRegExp(glob: string): RegExp {
  assertCacheGlob(glob);
  const body = glob.replace(/[.*?-]/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`));
  return new RegExp(`^${body}$`, 's');
}
