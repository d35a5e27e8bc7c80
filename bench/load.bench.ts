/**
 * Load benchmark: the built service (dist/src/main.js, one process, PostgreSQL, in-process queue)
 * on 127.0.0.1, driven by autocannon, each scenario bounded in time. Prints, per scenario, the
 * latency p50/p99 and requests per second of a therapist's GET /sessions and of GET /health, the
 * same while clients keep uploading GHOSTLY recordings (each upload is analysed by the same
 * process), and how many uploads were accepted and completed meanwhile.
 *
 * Run: npm run bench:load. Needs the PostgreSQL of this machine; BENCH_LOAD_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/bench_load) names a database that the bench drops,
 * creates and seeds (10,000 sessions over 200 therapists). BENCH_LOAD_SECONDS (default 10) is
 * each scenario's duration, BENCH_LOAD_UPLOADERS (default 4) the concurrent uploading clients.
 * Every request goes to 127.0.0.1.
 */
import autocannon, { type Result } from 'autocannon';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrate } from '../src/infrastructure/database/migrator.js';
import { PostgresDatabase } from '../src/infrastructure/database/postgres-database.js';
import { ADMIN_ID, recreateDatabase, seedPeople, seedSessions, therapistId } from './scale-seed.js';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');
const FIXTURES = join(ROOT, 'test/fixtures/ghostly');
const DB_URL = process.env.BENCH_LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_load';
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const UPLOADERS = Number(process.env.BENCH_LOAD_UPLOADERS ?? 4);
const SESSIONS = 10_000;
const SECRET = 'bench-load-secret-with-at-least-32-characters';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function startService(port: number): ChildProcess {
  return spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      ...(process.env.GLIBC_TUNABLES ? { GLIBC_TUNABLES: process.env.GLIBC_TUNABLES } : {}),
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_ROLE: 'all',
      DATABASE_URL: DB_URL,
      JWT_SECRET: SECRET,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-load-')),
      ADMIN_EMAIL: 'bench-admin@localhost',
      ADMIN_PASSWORD: 'bench-admin-password-1',
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
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

function token(sub: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub, role: 'authenticated', aud: 'authenticated', email: `${sub}@bench.local` })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(SECRET));
}

interface Uploads {
  accepted: number;
  refused: number;
  codes: string[];
}

/**
 * UPLOADERS clients, each uploading the GHOSTLY files one after another (as the admin, to
 * patient after patient, so that every upload is a new session) until `stop()`.
 */
function uploadUntilStopped(base: string, bearer: string): { stop: () => Promise<Uploads> } {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.c3d'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(FIXTURES, name)) }));
  const result: Uploads = { accepted: 0, refused: 0, codes: [] };
  let running = true;
  let next = 0;
  const client = async () => {
    while (running) {
      const n = next++;
      const file = files[n % files.length]!;
      const form = new FormData();
      form.append('patient_code', `P${1000 + (n % 1000)}`);
      form.append('file', new Blob([file.bytes]), file.name);
      const res = await fetch(`${base}/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}` },
        body: form,
      });
      const body = (await res.json()) as { session_code?: string };
      if (res.status === 202 && body.session_code) {
        result.accepted += 1;
        result.codes.push(body.session_code);
      } else {
        result.refused += 1;
      }
    }
  };
  const clients = Array.from({ length: UPLOADERS }, () => client());
  return {
    stop: async () => {
      running = false;
      await Promise.all(clients);
      return result;
    },
  };
}

async function completedCount(db: PostgresDatabase, codes: string[]): Promise<number> {
  if (codes.length === 0) return 0;
  const row = await db.kysely
    .selectFrom('therapy_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_code', 'in', codes)
    .where('processing_status', '=', 'completed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface Line {
  scenario: string;
  target: string;
  result: Result;
}

const fmtLine = ({ scenario, target, result }: Line) =>
  `| ${scenario} | ${target} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} | ` +
  `${result.requests.average.toFixed(0)} | ${result.non2xx + result.errors + result.timeouts} |`;

async function main(): Promise<void> {
  console.log(`bench:load  ${SECONDS} s per scenario, ${UPLOADERS} uploaders, database ${DB_URL}`);
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
  await recreateDatabase(DB_URL);
  const db = new PostgresDatabase(DB_URL, 4);
  await migrate(db);
  await seedPeople(db.kysely);
  await seedSessions(db.kysely, 0, SESSIONS);
  await sql`vacuum analyze`.execute(db.kysely);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const service = startService(port);
  const lines: Line[] = [];
  try {
    await waitFor(`${base}/health`);
    const therapist = { authorization: `Bearer ${await token(therapistId(1))}` };
    const admin = await token(ADMIN_ID);
    const run = (path: string, connections: number, headers: Record<string, string> = {}) =>
      autocannon({ url: base + path, connections, duration: SECONDS, headers });

    lines.push({ scenario: 'idle', target: 'GET /health (4 conn.)', result: await run('/health', 4) });
    lines.push({
      scenario: 'idle',
      target: 'GET /sessions (8 conn.)',
      result: await run('/sessions', 8, therapist),
    });
    lines.push({
      scenario: 'idle',
      target: 'GET /patients (8 conn.)',
      result: await run('/patients', 8, therapist),
    });

    const uploads = uploadUntilStopped(base, admin);
    const [health, list] = await Promise.all([run('/health', 1), run('/sessions', 4, therapist)]);
    const uploaded = await uploads.stop();
    const label = `${UPLOADERS} uploaders`;
    lines.push({ scenario: label, target: 'GET /health (1 conn.)', result: health });
    lines.push({ scenario: label, target: 'GET /sessions (4 conn.)', result: list });
    // Let the queue drain (bounded) so that the count of completed sessions means something.
    const drainUntil = Date.now() + 120_000;
    let completed = await completedCount(db, uploaded.codes);
    while (completed < uploaded.accepted && Date.now() < drainUntil) {
      await sleep(500);
      completed = await completedCount(db, uploaded.codes);
    }

    console.log('\nlatency in ms (autocannon, 1 ms resolution); errors = non-2xx + errors + timeouts');
    console.log('| scenario | request | p50 | p99 | max | req/s | errors |');
    console.log('|---|---|---|---|---|---|---|');
    for (const line of lines) console.log(fmtLine(line));
    console.log(
      `\nuploads during the ${SECONDS} s window: ${uploaded.accepted} accepted, ${uploaded.refused} refused; ` +
        `${completed} completed afterwards`,
    );
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    );
  } finally {
    service.kill('SIGTERM');
    await new Promise((r) => service.once('exit', r));
    await db.close();
  }
}

await main();
