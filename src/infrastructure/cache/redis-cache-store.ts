import KeyvRedis, { Keyv } from '@keyv/redis';
import { Logger } from '@nestjs/common';

/** Longest wait for a connection, and the longest pause between reconnection attempts. */
const CONNECT_TIMEOUT_MS = 2000;
const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * The cache manager's Redis store. While Redis is unreachable every cache call fails at once
 * (no offline queue) and is treated as a miss, and the client keeps reconnecting in the
 * background with capped backoff. @keyv/redis's createKeyvNonBlocking did neither: its
 * "no reconnect" setting came too late to reach the socket, so the first call during an outage
 * waited for a connection forever.
 */
export async function createRedisCacheStore(url: string, namespace: string): Promise<Keyv> {
  const adapter = new KeyvRedis(
    {
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
      },
    },
    { namespace, throwOnConnectError: false, throwOnErrors: false },
  );
  const keyv = new Keyv(adapter, { namespace, useKeyPrefix: false, throwOnErrors: false });
  logOutages(keyv);
  // Connect now: boot waits for Redis up to the connect timeout, requests never do. If it is
  // not there yet, the client goes on trying in the background.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    adapter.getClient().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, CONNECT_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
  return keyv;
}

/** One warning when Redis goes away and one line when it is back, not one per attempt. */
function logOutages(keyv: Keyv): void {
  const logger = new Logger('RedisCache');
  let down = false;
  keyv.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    logger.warn({
      msg: 'Redis cache unavailable; cache calls are misses until it is back',
      error: String(error),
    });
  });
  keyv.store.on?.('connect', () => {
    if (!down) return;
    down = false;
    logger.log({ msg: 'Redis cache reconnected' });
  });
}
