// PostgreSQL faults: every backend of the service's database terminated (what a restart does to
// open connections, SQLSTATE 57P01) while requests and jobs run. The process stays up, a request
// whose connection died answers 503 database_unavailable, the next ones succeed without a restart,
// and every accepted session completes exactly once.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/infrastructure/database/database.js';
import { migrate } from '../../src/infrastructure/database/migrator.js';
import { PostgresDatabase } from '../../src/infrastructure/database/postgres-database.js';
import { SESSION_QUEUE } from '../../src/infrastructure/queue/queue.constants.js';
import { fromDatabaseError } from '../../src/shared/errors/database-errors.js';
import { createTestPostgres, TEST_DATABASE_URL, type TestPostgres } from '../support/postgres.js';
import { startPrivatePostgres } from '../support/private-postgres.js';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server.js';
import { randomPort, startService, until, type ServiceProcess } from '../support/service-process.js';
import { ghostly, multipart } from '../support/session-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims } from '../support/tokens.js';

jest.setTimeout(240_000);
const SECRET = 'faults-db-secret-with-at-least-32-characters';
const FILES: [string, number][] = [
  ['Ghostly_Emg_20230321_17-23-09-0409.c3d', 26],
  ['Ghostly_Emg_20230321_17-28-14-0160.c3d', 23],
  ['Ghostly_Emg_20231004_13-18-43-0464.c3d', 16],
];
const CLIENTS = 8;

async function terminateAll(dbName: string): Promise<{ terminated: number; states: string[] }> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ state: string | null; ok: boolean }>(
      `select state, pg_terminate_backend(pid) as ok from pg_stat_activity
       where datname = $1 and pid <> pg_backend_pid()`,
      [dbName],
    );
    return { terminated: rows.filter((r) => r.ok).length, states: rows.map((r) => r.state ?? 'null') };
  } finally {
    await admin.end();
  }
}

describe('PostgreSQL connections terminated under load', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it('a transaction whose connection is terminated fails as database_unavailable; the pool reconnects (no crash)', async () => {
    const db: TestPostgres = await createTestPostgres();
    cleanups.push(() => db.drop());
    const dbName = new URL(db.url).pathname.slice(1);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside = false;
    // A checked-out client idle inside a transaction, as while an upload is written to storage:
    // the pool's own idle listener is off it, and without one of ours its 'error' event is
    // unhandled (an uncaught exception that fails this test; the service process would exit).
    const tx = db.database.kysely.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      inside = true;
      await held;
      await sql`select 1`.execute(trx);
    });
    await until(async () => inside, 10_000, 'the transaction to start');
    const { terminated, states } = await terminateAll(dbName);
    expect(terminated).toBeGreaterThanOrEqual(1);
    expect(states).toContain('idle in transaction');
    await new Promise((r) => setTimeout(r, 300)); // the client sees its socket close
    release();
    const error = await tx.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(fromDatabaseError(error)).toMatchObject({ code: 'database_unavailable' });
    // the broken client left the pool: the next checkout connects anew
    await db.database.ping();
    expect((await sql<{ n: number }>`select 2 as n`.execute(db.database.kysely)).rows[0]!.n).toBe(2);
  });

  it('the API and a worker survive terminations while 8 clients upload and list; each session completes once', async () => {
    const db = await createTestPostgres();
    cleanups.push(() => db.drop());
    const dbName = new URL(db.url).pathname.slice(1);
    const kills: Array<{ terminated: number; states: string[] }> = [];
    const figures = await underLoad(db.url, db.database, cleanups, async () => {
      for (let i = 0; i < 3; i++) {
        kills.push(await terminateAll(dbName));
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    expect(kills.reduce((n, k) => n + k.terminated, 0)).toBeGreaterThan(0);
    process.stdout.write(
      `faults-database (pg_terminate_backend x3): ${figures}; terminated ${kills.map((k) => `${k.terminated} [${k.states.join(',')}]`).join(' / ')}\n`,
    );
  });

  it('the API and a worker survive a real restart (pg_ctl restart -m fast) under the same load', async () => {
    const server = startPrivatePostgres();
    cleanups.push(async () => server.stop());
    const database = new PostgresDatabase(server.url, 2);
    cleanups.push(() => database.close());
    await migrate(database);
    let restartMs = 0;
    const figures = await underLoad(server.url, database, cleanups, async () => {
      const started = Date.now();
      server.restart();
      restartMs = Date.now() - started;
    });
    process.stdout.write(`faults-database (pg_ctl restart -m fast, took ${restartMs} ms): ${figures}\n`);
  });
});

describe('a job whose attempts all meet a database outage', () => {
  it('starts over once the attempts are spent, and completes when PostgreSQL is back', async () => {
    const server = startPrivatePostgres();
    const database = new PostgresDatabase(server.url, 3);
    const redis = await startPrivateRedis();
    let t: TestApp | undefined;
    try {
      await migrate(database);
      t = await createTestApp(
        {
          JWT_SECRET: SECRET,
          DATABASE_URL: server.url,
          REDIS_URL: redis.url(),
          JOB_ATTEMPTS: '2',
          JOB_BACKOFF_MS: '100',
          RECONCILE_INTERVAL_MS: '3600000',
        },
        { database },
      );
      const queue = t.get<Queue>(getQueueToken(SESSION_QUEUE) as never);
      const h = bearer(await signHs256(SECRET, supabaseClaims(await createUser(database, 'therapist'))));
      const patient = (
        await t.app.inject({ method: 'POST', url: '/patients', headers: h, payload: {} })
      ).json().patient_code as string;
      await queue.pause(true);
      const file = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';
      const body = multipart({ name: file, content: ghostly(file) }, { patient_code: patient });
      const res = await t.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { ...h, ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(202);
      const { id } = res.json<{ id: string }>();

      server.pause(); // connections refused (ECONNREFUSED) from now on
      await queue.resume(true);
      // both attempts failed on the database; the job was enqueued again, and counted
      await until(
        async () => Number(await redis.client().get(`bull:sessions:recovered:${id}:r1`)) >= 1,
        30_000,
        'the job to start over',
      );
      const during = await t.app.inject({ method: 'GET', url: '/sessions', headers: h });
      expect([during.statusCode, during.json().error]).toEqual([503, 'database_unavailable']);
      server.resume();

      const done = await until(
        async () => {
          const row = await database.kysely
            .selectFrom('therapy_sessions')
            .select(['processing_status', 'result_version'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          return row.processing_status !== 'queued' && row.processing_status !== 'processing' && row;
        },
        60_000,
        'the session to finish',
        100,
      );
      expect(done).toEqual({ processing_status: 'completed', result_version: 1 });
    } finally {
      await t?.close();
      await database.close();
      await redis.stop();
      server.stop();
    }
  });
});

/**
 * An API process and a worker process on `url` (a private Redis each time); 8 clients upload 3
 * files each and list after every upload, retrying an upload that met the outage; `fault` runs
 * once the first uploads are in. Checks that both processes stayed up, that every answer was a
 * success or 503 database_unavailable, that readiness came back, and that every session
 * completed exactly once. Returns the figures for the log.
 */
async function underLoad(
  url: string,
  database: Database,
  cleanups: Array<() => Promise<void>>,
  fault: () => Promise<void>,
): Promise<string> {
  const redis: PrivateRedis = await startPrivateRedis();
  cleanups.push(() => redis.stop());
  const port = randomPort();
  const dataDir = mkdtempSync(join(tmpdir(), 'emg-faults-db-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const base = `http://127.0.0.1:${port}`;
  const common = {
    DATABASE_URL: url,
    REDIS_URL: redis.url(),
    JWT_SECRET: SECRET,
    DATA_DIR: dataDir,
    JOB_LOCK_MS: '3000',
    JOB_BACKOFF_MS: '200',
    RECONCILE_INTERVAL_MS: '2000',
    DB_POOL_SIZE: '6',
  };
  const api: ServiceProcess = startService({ ...common, APP_ROLE: 'api', PORT: String(port) });
  const worker: ServiceProcess = startService({ ...common, APP_ROLE: 'worker', QUEUE_CONCURRENCY: '2' });
  cleanups.push(
    () => api.kill(),
    () => worker.kill(),
  );
  await until(async () => (await fetch(`${base}/health`)).ok, 30_000, 'the API');
  await until(async () => worker.output().includes('worker started'), 30_000, 'the worker');

  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const user = await createUser(database, 'therapist');
      const headers = bearer(await signHs256(SECRET, supabaseClaims(user)));
      const res = await fetch(`${base}/patients`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(201);
      return { headers, patient: ((await res.json()) as { patient_code: string }).patient_code };
    }),
  );

  const statuses: Record<string, number> = {};
  const bad: string[] = [];
  let lastFailureAt = 0;
  const note = async (what: string, res: Response) => {
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status === 503) {
      lastFailureAt = Date.now();
      const body = (await res.json()) as { error: string };
      if (body.error !== 'database_unavailable') bad.push(`${what}: 503 ${body.error}`);
    } else if (res.status >= 300) bad.push(`${what}: ${res.status} ${await res.text()}`);
    else await res.arrayBuffer();
    return res.status;
  };
  let accepted = 0;
  let firstSuccessAfterFault = 0;
  let faultDone = 0;
  const load = clients.map(async ({ headers, patient }) => {
    for (const [file] of FILES) {
      // a client retries an upload that met the outage; a duplicate answers with the same session
      for (let tries = 0; tries < 100; tries++) {
        const body = multipart({ name: file, content: ghostly(file) }, { patient_code: patient });
        const status = await note(
          `upload ${file}`,
          await fetch(`${base}/sessions`, {
            method: 'POST',
            headers: { ...headers, ...body.headers },
            body: body.payload,
          }),
        );
        const listed = await note('list', await fetch(`${base}/sessions?limit=20`, { headers }));
        if (faultDone && !firstSuccessAfterFault && listed === 200) firstSuccessAfterFault = Date.now();
        if (status === 200 || status === 202) {
          accepted++;
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });

  await until(async () => accepted >= 4, 60_000, 'the first uploads');
  await fault();
  faultDone = Date.now();
  const readyAfterMs = await until(
    async () => (await fetch(`${base}/health/ready`)).ok && Date.now() - faultDone,
    30_000,
    'readiness after the fault',
    20,
  );
  await Promise.all(load);

  expect(api.alive()).toBe(true);
  expect(worker.alive()).toBe(true);
  for (const p of [api, worker]) expect(p.output()).not.toMatch(/Unhandled 'error' event|Fatal:/);
  expect(bad).toEqual([]);
  expect(accepted).toBe(CLIENTS * FILES.length);

  // every session completes, exactly once
  const sessions = await until(
    async () => {
      const rows = await database.kysely
        .selectFrom('therapy_sessions')
        .select(['id', 'processing_status', 'result_version'])
        .execute();
      return rows.every((r) => r.processing_status === 'completed') && rows;
    },
    180_000,
    'every session completed',
    500,
  );
  expect(sessions).toHaveLength(CLIENTS * FILES.length);
  expect(sessions.every((s) => s.result_version === 1)).toBe(true);
  const count = async (table: 'emg_statistics' | 'performance_scores' | 'contractions') =>
    Number(
      (
        await database.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  expect(await count('emg_statistics')).toBe(2 * sessions.length);
  expect(await count('performance_scores')).toBe(sessions.length);
  expect(await count('contractions')).toBe(CLIENTS * FILES.reduce((n, [, c]) => n + c, 0));
  expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  const failuresEndedMs = lastFailureAt > faultDone ? lastFailureAt - faultDone : 0;
  return `statuses ${JSON.stringify(statuses)}, ready ${readyAfterMs} ms after the fault ended, first list 200 after ${firstSuccessAfterFault ? firstSuccessAfterFault - faultDone : 'n/a'} ms, last 503 at +${failuresEndedMs} ms`;
}
