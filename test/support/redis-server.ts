import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';

/**
 * A private redis-server without persistence (as the faults tests need: one they may flush and
 * restart without disturbing the shared one on 6379). Fails loudly when redis-server is missing.
 */
export interface PrivateRedis {
  url: (db?: number) => string;
  /** Stops the server (its data is gone: no persistence) and starts it again on the same port. */
  restart(downMs?: number): Promise<void>;
  /** A client of this server (closed by stop). */
  client(): Redis;
  /** Deletes one Bull job of the session queue as a Redis restart would (its hash and list entries). */
  flushJob(jobId: string, queue?: string): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function ping(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`redis-server on port ${port} did not answer`, { cause: error });
    } finally {
      client.disconnect();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startPrivateRedis(
  port = 27400 + Math.floor(Math.random() * 1000),
): Promise<PrivateRedis> {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const start = async () => {
    const c = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const failed = new Promise<never>((_, reject) =>
      c.once('error', (e) => reject(new Error(`cannot start redis-server (is it installed?): ${e.message}`))),
    );
    exited = new Promise((r) => c.once('exit', () => r()));
    child = c;
    await Promise.race([ping(port, 10_000), failed]);
  };
  let shared: Redis | undefined;
  const client = () => (shared ??= new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 }));
  const stop = async () => {
    shared?.disconnect();
    shared = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: (db = 0) => `redis://127.0.0.1:${port}/${db}`,
    start,
    stop,
    client,
    flushJob: async (jobId, queue = 'sessions') => {
      const prefix = `bull:${queue}`;
      const c = client();
      await c
        .multi()
        .del(`${prefix}:${jobId}`, `${prefix}:${jobId}:lock`)
        .lrem(`${prefix}:wait`, 0, jobId)
        .lrem(`${prefix}:paused`, 0, jobId)
        .lrem(`${prefix}:active`, 0, jobId)
        .zrem(`${prefix}:delayed`, jobId)
        .exec();
    },
    restart: async (downMs = 0) => {
      await stop();
      if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
  };
}
