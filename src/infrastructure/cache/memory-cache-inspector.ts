import type { Keyv } from 'keyv';
import { type CacheBackend, CacheInspector, type CacheUsage, cacheGlobToRegExp } from './cache-inspector.js';

/**
 * The cache manager's in-memory Keyv (no REDIS_URL): private to this process. Memory is
 * estimated as the UTF-8 size of each live entry's key and JSON value.
 */
export class MemoryCacheInspector extends CacheInspector {
  readonly backend: CacheBackend = 'memory';
  readonly keyPrefix = '';

  constructor(private readonly keyv: Keyv) {
    super();
  }

  async probe(): Promise<void> {
    const key = `health:probe:${process.hrtime.bigint()}`;
    await this.keyv.set(key, 'ok', 10_000);
    const read = await this.keyv.get<string>(key);
    await this.keyv.delete(key);
    if (read !== 'ok') throw new Error('The in-memory cache did not return the probe entry');
  }

  async usage(): Promise<CacheUsage> {
    let keys = 0;
    let memoryBytes = 0;
    for await (const [key, value] of this.entries()) {
      keys += 1;
      memoryBytes += Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value) ?? '');
    }
    return { memoryBytes, keys };
  }

  async deleteMatching(glob: string): Promise<number> {
    const match = cacheGlobToRegExp(glob);
    const doomed: string[] = [];
    for await (const [key] of this.entries()) if (match.test(key)) doomed.push(key);
    let deleted = 0;
    for (const key of doomed) if (await this.keyv.delete(key)) deleted += 1;
    return deleted;
  }

  /** Live entries, keys without Keyv's namespace (expired ones are dropped on the way). */
  private entries(): AsyncGenerator<[string, unknown]> {
    const iterate = this.keyv.iterator as (() => AsyncGenerator<[string, unknown]>) | undefined;
    if (!iterate) throw new Error('The in-memory cache store cannot be iterated');
    return iterate.call(this.keyv);
  }
}
