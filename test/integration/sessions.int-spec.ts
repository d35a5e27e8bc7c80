import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { SESSION_QUEUE } from '../../src/infrastructure/queue/queue.constants.js';
import { createTestPostgres, TEST_DATABASE_URL, type TestPostgres } from '../support/postgres.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

// Real PostgreSQL + Redis + Bull. Workers in other processes run the built service (dist/).
jest.setTimeout(120_000);
const MAIN = resolve('dist/src/main.js');
const SECRET = 'sessions-int-secret-with-at-least-32-chars';
const FILES: [string, number][] = [
  ['Ghostly_Emg_20230321_17-23-09-0409.c3d', 26],
  ['Ghostly_Emg_20230321_17-28-14-0160.c3d', 23],
  ['Ghostly_Emg_20230321_17-33-14-0785.c3d', 30],
  ['Ghostly_Emg_20230321_17-50-17-0881.c3d', 26],
  ['Ghostly_Emg_20231004_13-18-43-0464.c3d', 16],
  ['Ghostly_Emg_20250310_11-46-23-0823.c3d', 45],
  ['Ghostly_Emg_20250310_11-50-16-0578.c3d', 49],
];

function redisUrl(db: number): string {
  const url = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = `/${db}`;
  return url.toString();
}

interface Worker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startWorker(env: Record<string, string>): Worker {
  if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: run `npm run build` first');
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', APP_ROLE: 'worker', JWT_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out, exited: new Promise((r) => child.on('exit', (code) => r(code))) };
}

async function until<T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  what: string,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

interface Env {
  pg: TestPostgres;
  api: TestApp;
  dataDir: string;
  redis: string;
  therapist: TestUser;
  headers: () => Promise<Record<string, string>>;
  patient: () => Promise<string>;
  upload: (patientCode: string, file: string) => Promise<{ id: string; session_code: string }>;
  sessions: () => Promise<
    { id: string; processing_status: string; result_version: number; attempts: number }[]
  >;
  count: (
    table: 'emg_statistics' | 'contractions' | 'performance_scores' | 'session_settings',
    sessionId?: string,
  ) => Promise<number>;
}

async function setup(redisDb: number, appEnv: Record<string, string>): Promise<Env> {
  const redis = redisUrl(redisDb);
  const client = new Redis(redis);
  await client.flushdb();
  client.disconnect();
  const db = await createTestPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'emg-int-'));
  const api = await createTestApp(
    {
      JWT_SECRET: SECRET,
      DATABASE_URL: db.url,
      REDIS_URL: redis,
      DATA_DIR: dataDir,
      JOB_LOCK_MS: '2000',
      ...appEnv,
    },
    { database: db.database },
  );
  const therapist = await createUser(db.database, 'therapist');
  const headers = async () => bearer(await signHs256(SECRET, supabaseClaims(therapist)));
  return {
    pg: db,
    api,
    dataDir,
    redis,
    therapist,
    headers,
    patient: async () =>
      (
        await api.app.inject({ method: 'POST', url: '/patients', headers: await headers(), payload: {} })
      ).json().patient_code,
    upload: async (patientCode, file) => {
      const body = multipart({ name: file, content: ghostly(file) }, { patient_code: patientCode });
      const res = await api.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { ...(await headers()), ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(202);
      return res.json();
    },
    sessions: () =>
      db.database.kysely
        .selectFrom('therapy_sessions')
        .select(['id', 'processing_status', 'result_version', 'attempts'])
        .execute(),
    count: async (table, sessionId) => {
      let q = db.database.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
      if (sessionId) q = q.where('session_id', '=', sessionId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
  };
}

async function teardown(env: Env | undefined, workers: Worker[]): Promise<void> {
  for (const w of workers.splice(0)) {
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await w.exited;
  }
  if (!env) return;
  await env.api.close();
  await env.pg.drop();
}

describe('session pipeline on PostgreSQL + Redis (Bull)', () => {
  let env: Env | undefined;
  const workers: Worker[] = [];
  afterEach(async () => {
    await teardown(env, workers);
    env = undefined;
  });
  afterAll(async () => teardown(env, workers));

  it('processes an uploaded file in-process with Bull and stores the 15.3 scores once', async () => {
    env = await setup(11, {});
    const code = await env.patient();
    const s = await env.upload(code, 'Ghostly_Emg_20230321_17-50-17-0881.c3d');
    expect((await waitForSession(env.api, await env.headers(), s.session_code)).status).toBe('completed');
    const detail = (
      await env.api.app.inject({
        method: 'GET',
        url: `/sessions/${s.session_code}`,
        headers: await env.headers(),
      })
    ).json();
    expect(detail.performance_scores.overall_score).toBeCloseTo(78.25, 2);
    expect(detail.performance_scores.compliance_score).toBeCloseTo(61.05, 2);
    expect(await env.count('emg_statistics', s.id)).toBe(2);
    expect(await env.count('contractions', s.id)).toBe(26);
    expect(detail.result_version).toBe(1);

    // under PostgreSQL's policies too, another therapist finds none of it and changes nothing
    const other = await createUser(env.pg.database, 'therapist');
    const h = bearer(await signHs256(SECRET, supabaseClaims(other)));
    for (const [method, url, payload] of [
      ['GET', `/sessions/${s.session_code}`, undefined],
      ['GET', `/sessions/${s.session_code}/status`, undefined],
      ['POST', `/sessions/${s.session_code}/reprocess`, {}],
      ['PATCH', `/sessions/${s.session_code}/subjective`, { rpe_post_session: 2 }],
      ['GET', `/webhooks/storage/status/${s.session_code}`, undefined],
    ] as const) {
      const res = await env.api.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
      expect([url, res.statusCode, res.json().error]).toEqual([url, 404, 'session_not_found']);
    }
    expect((await env.api.app.inject({ method: 'GET', url: '/sessions', headers: h })).json().total).toBe(0);
    const e = env;
    const statusOf = async () =>
      (
        await e.api.app.inject({
          method: 'GET',
          url: `/sessions/${s.session_code}/status`,
          headers: await e.headers(),
        })
      ).json();
    const detailOf = async () =>
      (
        await e.api.app.inject({
          method: 'GET',
          url: `/sessions/${s.session_code}`,
          headers: await e.headers(),
        })
      ).json();
    expect((await statusOf()).attempts).toBe(1);
    const again = await detailOf();
    expect([again.result_version, again.performance_scores.rpe_post_session]).toEqual([1, null]);
  });

  it('two worker processes sharing the queue process each session exactly once', async () => {
    env = await setup(12, { APP_ROLE: 'api' });
    const workerEnv = {
      DATABASE_URL: env.pg.url,
      REDIS_URL: env.redis,
      DATA_DIR: env.dataDir,
      JOB_LOCK_MS: '2000',
      QUEUE_CONCURRENCY: '2',
    };
    workers.push(startWorker(workerEnv), startWorker(workerEnv));
    await until(async () => workers.every((w) => w.output().includes('worker started')), 20_000, 'workers');
    const patients = [await env.patient(), await env.patient()];
    let expectedContractions = 0;
    for (const p of patients) {
      for (const [file, n] of FILES) {
        await env.upload(p, file);
        expectedContractions += n;
      }
    }
    const rows = await until(
      async () => {
        const all = await env!.sessions();
        return all.every((r) => r.processing_status === 'completed') && all;
      },
      60_000,
      'all sessions completed',
      100,
    );
    expect(rows).toHaveLength(14);
    expect(rows.every((r) => r.result_version === 1)).toBe(true);
    expect(await env.count('emg_statistics')).toBe(28);
    expect(await env.count('performance_scores')).toBe(14);
    expect(await env.count('contractions')).toBe(expectedContractions);
  });

  it('a worker killed mid-job leaves no partial rows; the stalled job completes once on another worker', async () => {
    env = await setup(13, { APP_ROLE: 'api' });
    const workerEnv = {
      DATABASE_URL: env.pg.url,
      REDIS_URL: env.redis,
      DATA_DIR: env.dataDir,
      JOB_LOCK_MS: '2000',
      QUEUE_CONCURRENCY: '1',
    };
    const code = await env.patient();
    const uploaded = [];
    for (const [file] of FILES) uploaded.push(await env.upload(code, file));
    const victim = startWorker(workerEnv);
    workers.push(victim);
    // Kill as soon as a session is being processed (the jobs wait for a worker until now).
    const busy = await until(
      async () => (await env!.sessions()).find((r) => r.processing_status === 'processing'),
      30_000,
      'a processing session',
      2,
    );
    victim.child.kill('SIGKILL');
    await victim.exited;
    const afterKill = await env.sessions();
    const unfinished = afterKill.filter((r) => r.processing_status !== 'completed');
    expect(unfinished.length).toBeGreaterThan(0);
    for (const r of unfinished) {
      expect(await env.count('emg_statistics', r.id)).toBe(0);
      expect(await env.count('contractions', r.id)).toBe(0);
      expect(await env.count('performance_scores', r.id)).toBe(0);
    }
    expect(busy.id).toBeDefined();

    workers.push(startWorker(workerEnv));
    const rows = await until(
      async () => {
        const all = await env!.sessions();
        return all.every((r) => r.processing_status === 'completed') && all;
      },
      60_000,
      'all sessions completed after restart',
      100,
    );
    expect(rows.every((r) => r.result_version === 1)).toBe(true);
    for (const [i, [, n]] of FILES.entries()) {
      expect(await env.count('contractions', uploaded[i]!.id)).toBe(n);
      expect(await env.count('emg_statistics', uploaded[i]!.id)).toBe(2);
    }
  });

  it('a worker killed inside the result transaction (rows already inserted) leaves none of them; the job completes once', async () => {
    env = await setup(15, { APP_ROLE: 'api' });
    const workerEnv = {
      DATABASE_URL: env.pg.url,
      REDIS_URL: env.redis,
      DATA_DIR: env.dataDir,
      JOB_LOCK_MS: '2000',
      QUEUE_CONCURRENCY: '1',
    };
    const code = await env.patient();
    const s = await env.upload(code, 'Ghostly_Emg_20230321_17-50-17-0881.c3d');
    // An uncommitted contraction row with the key of the session's first one: the worker's
    // transaction deletes the old rows, inserts the channel statistics, then waits on this key
    // when it inserts the contractions. It is killed there, with rows of its own inserted.
    const blocker = new pg.Client({ connectionString: env.pg.url });
    const observer = new pg.Client({ connectionString: env.pg.url });
    await Promise.all([blocker.connect(), observer.connect()]);
    try {
      await blocker.query('begin');
      await blocker.query(
        `insert into public.contractions (session_id, channel_name, idx, start_sample, end_sample, start_time_ms, end_time_ms, duration_ms, mean_amplitude, max_amplitude)
         values ($1, 'CH1', 0, 0, 1, 0, 1, 1, 0, 0)`,
        [s.id],
      );
      const victim = startWorker(workerEnv);
      workers.push(victim);
      await until(
        async () => {
          // asked on a connection of its own: inside the blocker's transaction pg_stat_activity
          // is a snapshot taken before the worker connected
          const { rows } = await observer.query<{ n: number }>(
            `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
             where not l.granted and l.locktype = 'transactionid' and a.query like 'insert into "contractions"%'`,
          );
          return rows[0]!.n > 0;
        },
        60_000,
        'the result transaction waiting on the contraction key',
      );
      // the statistics are inserted inside the waiting transaction, invisible to anyone else
      expect(await env.count('emg_statistics', s.id)).toBe(0);
      victim.child.kill('SIGKILL');
      await victim.exited;
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    // once the server notices the dead client it rolls the transaction back: nothing was written
    try {
      await until(
        async () => {
          const { rows } = await observer.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
          );
          return rows[0]!.n === 0;
        },
        10_000,
        'the killed transaction to end',
      );
    } finally {
      await observer.end();
    }
    for (const table of [
      'emg_statistics',
      'contractions',
      'session_settings',
      'performance_scores',
    ] as const) {
      expect(await env.count(table, s.id)).toBe(0);
    }
    const [row] = (await env.sessions()).filter((r) => r.id === s.id);
    expect(row!.processing_status).not.toBe('completed');

    workers.push(startWorker(workerEnv));
    const done = await until(
      async () => (await env!.sessions()).find((r) => r.id === s.id && r.processing_status === 'completed'),
      60_000,
      'completion',
    );
    expect(done.result_version).toBe(1);
    expect(await env.count('contractions', s.id)).toBe(26);
    expect(await env.count('emg_statistics', s.id)).toBe(2);
    expect(await env.count('performance_scores', s.id)).toBe(1);
  });

  it('retries through a database outage during a job and then completes', async () => {
    env = await setup(14, { JOB_BACKOFF_MS: '300', JOB_ATTEMPTS: '8' });
    const queue = env.api.get<Queue>(getQueueToken(SESSION_QUEUE) as never);
    const code = await env.patient();
    await queue.pause(true);
    const s = await env.upload(code, 'Ghostly_Emg_20230321_17-23-09-0409.c3d');
    const dbName = new URL(env.pg.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`alter database ${dbName} with allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
        dbName,
      ]);
      await queue.resume(true);
      // The job fails on the database and is retried with backoff while the database is down.
      await until(
        async () => {
          const job = await queue.getJob(`${s.id}:r1`);
          return job !== null && job.attemptsMade >= 1;
        },
        15_000,
        'a failed attempt',
      );
    } finally {
      await admin.query(`alter database ${dbName} with allow_connections true`);
      await admin.end();
    }
    expect((await waitForSession(env.api, await env.headers(), s.session_code, 30_000)).status).toBe(
      'completed',
    );
    const job = await queue.getJob(`${s.id}:r1`);
    expect(job?.attemptsMade).toBeGreaterThanOrEqual(1);
    expect(await env.count('emg_statistics', s.id)).toBe(2);
    expect(await env.count('contractions', s.id)).toBe(26);
    expect((await env.sessions())[0]!.result_version).toBe(1);
  });
});
