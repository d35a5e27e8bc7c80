import type KeyvRedis from '@keyv/redis';
import { randomUUID } from 'node:crypto';
import { type CacheBackend, CacheInspector, type CacheUsage, assertCacheGlob } from './cache-inspector.js';

type RedisNode = Awaited<ReturnType<KeyvRedis<unknown>['getMasterNodes']>>[number];

/** A Redis command that does not answer within this fails the operation it belongs to. */
export const REDIS_CALL_TIMEOUT_MS = 2000;
const SCAN_COUNT = 500;

function timed<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer ${what} within ${REDIS_CALL_TIMEOUT_MS} ms`)),
      REDIS_CALL_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** `field:value` lines of an INFO section. */
export function parseRedisInfo(info: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of info.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}

/**
 * The Redis store of the cache manager, reached through the client its Keyv adapter already
 * holds. Only keys under the adapter's namespace (`<namespace>::`) are ever listed or deleted:
 * the job queue's keys on the same server stay untouched, and nothing is flushed.
 */
export class RedisCacheInspector extends CacheInspector {
  readonly backend: CacheBackend = 'redis';
  readonly keyPrefix: string;

  constructor(private readonly adapter: KeyvRedis<unknown>) {
    super();
    if (!adapter.namespace) throw new Error('The Redis cache store needs a namespace');
    this.keyPrefix = `${adapter.namespace}${adapter.keyPrefixSeparator}`;
  }

  async probe(): Promise<void> {
    const [node] = await this.nodes();
    const key = `${this.keyPrefix}health:probe:${randomUUID()}`;
    await timed(node!.set(key, 'ok', { PX: 10_000 }), 'SET');
    const read = await timed(node!.get(key), 'GET');
    await timed(node!.del(key), 'DEL');
    if (read !== 'ok') throw new Error('Redis did not return the probe entry');
  }

  async usage(): Promise<CacheUsage> {
    const nodes = await this.nodes();
    let memoryBytes = 0;
    let usedMemoryPeakBytes = 0;
    let maxMemoryBytes = 0;
    let version: string | null = null;
    let keys = 0;
    for (const node of nodes) {
      const memory = parseRedisInfo(String(await timed(node.info('memory'), 'INFO memory')));
      const server = parseRedisInfo(String(await timed(node.info('server'), 'INFO server')));
      memoryBytes += Number(memory.get('used_memory') ?? 0);
      usedMemoryPeakBytes += Number(memory.get('used_memory_peak') ?? 0);
      maxMemoryBytes += Number(memory.get('maxmemory') ?? 0);
      version ??= server.get('redis_version') ?? null;
      for await (const batch of this.scan(node, `${this.keyPrefix}*`)) keys += batch.length;
    }
    return { memoryBytes, keys, server: { usedMemoryPeakBytes, maxMemoryBytes, version } };
  }

  async deleteMatching(glob: string): Promise<number> {
    assertCacheGlob(glob);
    const match = `${this.keyPrefix}${glob}`;
    let deleted = 0;
    for (const node of await this.nodes()) {
      for await (const batch of this.scan(node, match)) {
        // UNLINK counts only keys that still existed, so concurrent expiry is not over-counted.
        if (batch.length > 0) deleted += Number(await timed(node.unlink(batch), 'UNLINK'));
      }
    }
    return deleted;
  }

  /** The adapter's clients, connecting (again) when needed: it does not reconnect by itself. */
  private nodes(): Promise<RedisNode[]> {
    return timed(this.adapter.getMasterNodes(), 'the connection');
  }

  private async *scan(node: RedisNode, match: string): AsyncGenerator<string[]> {
    let cursor = '0';
    do {
      const reply = (await timed(node.scan(cursor, { MATCH: match, COUNT: SCAN_COUNT }), 'SCAN')) as {
        cursor: unknown;
        keys: unknown[];
      };
      cursor = String(reply.cursor);
      yield reply.keys.map(String);
    } while (cursor !== '0');
  }
}
