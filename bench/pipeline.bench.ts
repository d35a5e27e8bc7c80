/**
 * Pipeline benchmark: uploads the seven GHOSTLY files repeatedly through the HTTP API of the
 * built service, in embedded mode and in server mode (PostgreSQL + Redis + one worker process),
 * and prints per file the median and p95 time from POST /sessions to `completed`, the sustained
 * sessions per second, and GET /health p99 latency while the load runs.
 *
 * Run: npm run bench:pipeline  (needs the PostgreSQL and Redis of this machine for server mode;
 * BENCH_MODES=embedded skips it; BENCH_ROUNDS, BENCH_LOAD_SESSIONS, BENCH_LOAD_CLIENTS and
 * BENCH_LOAD_POLL_MS size the load; BENCH_API_NODE_ARGS passes node flags to the server-mode API
 * process, e.g. for a CPU profile). Every request goes to 127.0.0.1; loops are bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');
const FIXTURES = join(ROOT, 'test/fixtures/ghostly');
const DB_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LOAD_SESSIONS = Number(process.env.BENCH_LOAD_SESSIONS ?? 140);
// Under load each uploader polls its session's status like a client would (every 50 ms), not in a
// tight loop: 70 pollers at 5 ms would be a load of their own, larger than the uploads.
const LOAD_POLL_MS = Number(process.env.BENCH_LOAD_POLL_MS ?? 50);
const LOAD_CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 8);
const ADMIN = { email: 'bench-admin@localhost', password: 'bench-admin-password-1' };

const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.c3d'))
  .sort()
  .map((name) => ({ name, bytes: readFileSync(join(FIXTURES, name)) }));

/** Extra node flags for the API process, e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p". */
const API_NODE_ARGS = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);

function startProcess(env: Record<string, string>): ChildProcess {
  const args = env.APP_ROLE === 'api' ? [...API_NODE_ARGS, MAIN] : [MAIN];
  return spawn(process.execPath, args, {
    // GLIBC_TUNABLES as npm run sets it for the service (package.json config.malloc)
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'error',
      ...(process.env.GLIBC_TUNABLES ? { GLIBC_TUNABLES: process.env.GLIBC_TUNABLES } : {}),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Client {
  private token = '';
  constructor(readonly base: string) {}

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async login(): Promise<void> {
    const r = await this.json<{ access_token: string }>('POST', '/auth/login', ADMIN);
    this.token = r.access_token;
  }

  async upload(patientCode: string, file: { name: string; bytes: Buffer }): Promise<string> {
    const form = new FormData();
    form.append('patient_code', patientCode);
    form.append('file', new Blob([file.bytes]), file.name);
    const res = await fetch(`${this.base}/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}` },
      body: form,
    });
    if (res.status !== 202) throw new Error(`POST /sessions: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { session_code: string }).session_code;
  }

  async waitCompleted(code: string, timeoutMs = 120_000, pollMs = 5): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const s = await this.json<{ status: string; error_code?: string }>('GET', `/sessions/${code}/status`);
      if (s.status === 'completed') return;
      if (s.status === 'failed') throw new Error(`${code} failed: ${s.error_code}`);
      await sleep(pollMs);
    }
    throw new Error(`${code} not completed within ${timeoutMs} ms`);
  }
}

async function setUpPatients(client: Client, count: number): Promise<string[]> {
  const therapist = await client.json<{ user_id?: string; id?: string; user?: { id: string } }>(
    'POST',
    '/admin/users',
    {
      email: `bench-${randomUUID()}@localhost`,
      password: 'bench-therapist-password-1',
      role: 'therapist',
      first_name: 'Bench',
      last_name: 'Therapist',
    },
  );
  const therapistId = therapist.user_id ?? therapist.id ?? therapist.user?.id;
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = await client.json<{ patient_code: string }>('POST', '/patients', { therapist_id: therapistId });
    codes.push(p.patient_code);
  }
  return codes;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

async function latencyPerFile(client: Client): Promise<void> {
  const patients = await setUpPatients(client, ROUNDS);
  const times = new Map<string, number[]>(files.map((f) => [f.name, []]));
  for (const patient of patients) {
    for (const file of files) {
      const t0 = performance.now();
      const code = await client.upload(patient, file);
      await client.waitCompleted(code);
      times.get(file.name)!.push(performance.now() - t0);
    }
  }
  console.log('  upload -> completed, one at a time:');
  for (const f of files) {
    const xs = times.get(f.name)!;
    const mb = (f.bytes.length / 1e6).toFixed(2);
    console.log(
      `    ${f.name.padEnd(40)} ${mb} MB  median ${quantile(xs, 0.5).toFixed(0).padStart(5)} ms  p95 ${quantile(xs, 0.95).toFixed(0).padStart(5)} ms`,
    );
  }
}

/**
 * GET /health probes from a worker thread: its own event loop, so what it measures is the
 * service's answer time, not the delay of this process's load generator (70 uploads and pollers).
 */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const times = [];
let running = true;
parentPort.on('message', () => { running = false; });
(async () => {
  while (running) {
    const t0 = performance.now();
    await fetch(workerData.url);
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  parentPort.postMessage(times);
})();
`;

function startHealthProber(url: string): { stop(): Promise<number[]> } {
  const worker = new Worker(PROBER, { eval: true, workerData: { url } });
  const done = new Promise<number[]>((resolveTimes, reject) => {
    worker.once('message', (times: number[]) => resolveTimes(times));
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const times = await done;
      await worker.terminate();
      return times;
    },
  };
}

async function sustainedLoad(client: Client): Promise<void> {
  const patients = await setUpPatients(client, Math.ceil(LOAD_SESSIONS / files.length));
  const prober = startHealthProber(`${client.base}/health`);
  const work = patients
    .flatMap((patient) => files.map((file) => ({ patient, file })))
    .slice(0, LOAD_SESSIONS);
  const t0 = performance.now();
  // Closed loop: LOAD_CLIENTS clients, each uploading its next file once the previous one completed.
  let next = 0;
  const runClient = async () => {
    while (next < work.length) {
      const { patient, file } = work[next++]!;
      const code = await client.upload(patient, file);
      await client.waitCompleted(code, 120_000, LOAD_POLL_MS);
    }
  };
  await Promise.all(Array.from({ length: LOAD_CLIENTS }, runClient));
  const seconds = (performance.now() - t0) / 1000;
  const health = await prober.stop();
  console.log(
    `  sustained (${LOAD_CLIENTS} clients): ${LOAD_SESSIONS} sessions in ${seconds.toFixed(2)} s = ${(LOAD_SESSIONS / seconds).toFixed(1)} sessions/s`,
  );
  console.log(
    `  GET /health during the load: p50 ${quantile(health, 0.5).toFixed(1)} ms, p99 ${quantile(health, 0.99).toFixed(1)} ms (${health.length} probes)`,
  );
}

async function runMode(mode: 'embedded' | 'server'): Promise<void> {
  const port = 21000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  const common = {
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-')),
  };
  const children: ChildProcess[] = [];
  let dropDb = async () => undefined as void;
  try {
    if (mode === 'embedded') {
      children.push(startProcess({ ...common, PORT: String(port) }));
    } else {
      const name = `emg_bench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
      const admin = new pg.Client({ connectionString: DB_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      dropDb = async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
      const url = new URL(DB_URL);
      url.pathname = `/${name}`;
      const env = { ...common, DATABASE_URL: url.toString(), REDIS_URL, DB_MIGRATE_ON_START: 'true' };
      children.push(startProcess({ ...env, PORT: String(port), APP_ROLE: 'api' }));
      await waitFor(`${base}/health`);
      children.push(
        startProcess({ ...env, PORT: String(port + 1), APP_ROLE: 'worker', QUEUE_CONCURRENCY: '2' }),
      );
    }
    await waitFor(`${base}/health/ready`);
    const client = new Client(base);
    await client.login();
    console.log(
      `\n${mode} mode${mode === 'server' ? ' (PostgreSQL + Redis/Bull + 1 worker process)' : ' (PGlite, in-process queue)'}:`,
    );
    await latencyPerFile(client);
    await sustainedLoad(client);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    await dropDb();
  }
}

const modes = (process.env.BENCH_MODES ?? 'embedded,server').split(',') as Array<'embedded' | 'server'>;
console.log(
  `pipeline benchmark: ${files.length} GHOSTLY files, ${ROUNDS} rounds, load of ${LOAD_SESSIONS} sessions`,
);
for (const mode of modes) await runMode(mode);
