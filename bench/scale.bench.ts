/**
 * List scale benchmark: a therapist's first page of GET /sessions and GET /patients at 1,000,
 * 10,000 and 100,000 sessions in the table (200 therapists, 1,000 patients), on real PostgreSQL
 * under row-level security, through the real service (the Nest app in this process, requests by
 * app.inject: JWT check, validation, the RLS transaction, serialisation; no network). Prints p50
 * and p99 per size, the ratio to the 1,000-session size, the targets, and the EXPLAIN (ANALYZE)
 * of the session list query as the service sends it, run as the therapist (role authenticated
 * and JWT claims, as every request runs).
 *
 * Run: npm run bench:scale. Needs the PostgreSQL of this machine. BENCH_SCALE_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/bench_scale) names the databases that the bench
 * drops, creates, migrates and seeds (generate_series SQL), one per size, each with its own
 * service: bench_scale_1k, _10k and _100k. The sizes take turns request by request.
 * BENCH_SCALE_REQUESTS (default 200) sets the measured requests per list and size. Every
 * request stays in this process; loops are bounded.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { configureHttpApp, createFastifyAdapter } from '../src/app.setup.js';
import { DbContext } from '../src/infrastructure/database/db-context.js';
import type { Database } from '../src/infrastructure/database/database.js';
import type { DB } from '../src/infrastructure/database/database.types.js';
import { migrate } from '../src/infrastructure/database/migrator.js';
import { PostgresDatabase } from '../src/infrastructure/database/postgres-database.js';
import { SessionRepository } from '../src/session/session.repository.js';
import { AppConfig } from '../src/shared/config/app-config.js';
import { pageRequest, PageQueryDto } from '../src/shared/pagination/page.dto.js';
import { ADMIN_ID, recreateDatabase, seedPeople, seedSessions, therapistId } from './scale-seed.js';

const DB_URL = process.env.BENCH_SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_scale';
const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 200);
const WARMUP = 30;
const SIZES = [1_000, 10_000, 100_000];
const SECRET = 'bench-scale-secret-with-at-least-32-characters';
const TARGET = { p50: 20, p99: 60, ratio: 1.5 };

const silent = { log() {}, error() {}, warn() {}, debug() {}, verbose() {}, fatal() {} };

async function startApp(database: Database, url: string): Promise<NestFastifyApplication> {
  const config = AppConfig.fromEnv({
    LOG_LEVEL: 'error',
    JWT_SECRET: SECRET,
    DATABASE_URL: url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-scale-')),
    ADMIN_EMAIL: 'bench-admin@localhost',
    ADMIN_PASSWORD: 'bench-admin-password-1',
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register({ config, database })] })
    .setLogger(silent)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    logger: false,
  });
  await configureHttpApp(app, config);
  return app;
}

function token(sub: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub, role: 'authenticated', aud: 'authenticated', email: `${sub}@bench.local` })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(SECRET));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

interface Figures {
  p50: number;
  p99: number;
  items: number;
}

/**
 * p50 and p99 in ms per target of REQUESTS sequential calls each, after a warm-up. The targets
 * take turns call by call, so that a busy machine slows every size alike and the ratios between
 * sizes stay meaningful.
 */
async function timedInterleaved(targets: (() => Promise<number>)[]): Promise<Figures[]> {
  const items = targets.map(() => 0);
  for (let i = 0; i < WARMUP; i++) for (const [k, once] of targets.entries()) items[k] = await once();
  const times = targets.map((): number[] => []);
  for (let i = 0; i < REQUESTS; i++) {
    for (const [k, once] of targets.entries()) {
      const t0 = process.hrtime.bigint();
      await once();
      times[k]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return times.map((ts, k) => {
    ts.sort((x, y) => x - y);
    return { p50: percentile(ts, 50), p99: percentile(ts, 99), items: items[k]! };
  });
}

function viaHttp(app: NestFastifyApplication, url: string, bearer: string): () => Promise<number> {
  const headers = { authorization: `Bearer ${bearer}` };
  return async () => {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ items: unknown[] }>().items.length;
  };
}

/** The database part alone: the RLS transaction and the repository's list (rows and count). */
function viaRepository(app: NestFastifyApplication, therapist: string): () => Promise<number> {
  const context = app.get(DbContext);
  const repository = app.get(SessionRepository);
  const caller = { id: therapist, claims: { sub: therapist, role: 'authenticated' } };
  const page = pageRequest(new PageQueryDto());
  return async () =>
    (await context.asUser(caller, (trx) => repository.list(trx, { ownPatientsOf: therapist }, page))).rows
      .length;
}

/**
 * The session list query exactly as the repository sends it for `who` (captured from Kysely's
 * log), explained with ANALYZE inside a request-like transaction.
 */
async function explainSessionList(
  url: string,
  who: { id: string; role: 'therapist' | 'admin' },
  runs = 1,
): Promise<{ text: string; executionMs: number[] }> {
  const captured: CompiledQuery[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const kysely = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    const context = new DbContext({ kysely } as unknown as Database);
    const caller = { id: who.id, claims: { sub: who.id, role: 'authenticated' } };
    const query = Object.assign(new PageQueryDto(), { count: 'none' as const });
    await context.asUser(caller, (trx) =>
      new SessionRepository().list(
        trx,
        { ownPatientsOf: who.role === 'therapist' ? who.id : undefined },
        pageRequest(query),
      ),
    );
    const list = captured.find((q) => q.sql.includes('order by'));
    if (!list) throw new Error('the list query was not captured');
    const text = await context.asUser(caller, async (trx) => {
      const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze, buffers, costs off) ${list.sql}`, [...list.parameters]),
      );
      return [list.sql, '', ...plan.rows.map((r) => r['QUERY PLAN'])].join('\n');
    });
    // The server's own execution time, which a busy client machine disturbs far less.
    const executionMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      await context.asUser(caller, async (trx) => {
        const plan = await trx.executeQuery<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(
          CompiledQuery.raw(`explain (analyze, format json) ${list.sql}`, [...list.parameters]),
        );
        executionMs.push(plan.rows[0]!['QUERY PLAN'][0]!['Execution Time']);
      });
    }
    return { text, executionMs: executionMs.sort((x, y) => x - y) };
  } finally {
    await kysely.destroy();
  }
}

const fmt = (n: number) => n.toFixed(2).padStart(7);

interface Deployment {
  size: number;
  url: string;
  database: PostgresDatabase;
  app: NestFastifyApplication;
}

/** One database per size (suffix _1k, _10k, _100k), migrated and seeded, and a service on it. */
async function deploy(size: number): Promise<Deployment> {
  const url = new URL(DB_URL);
  url.pathname = `${url.pathname}_${size / 1000}k`;
  await recreateDatabase(url.toString());
  const database = new PostgresDatabase(url.toString(), 10);
  await migrate(database);
  await seedPeople(database.kysely);
  const t0 = Date.now();
  await seedSessions(database.kysely, 0, size);
  await sql`vacuum analyze`.execute(database.kysely);
  console.log(
    `seeded ${url.pathname.slice(1)}: ${size} sessions in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const app = await startApp(database, url.toString());
  await app.getHttpAdapter().getInstance().ready();
  return { size, url: url.toString(), database, app };
}

async function main(): Promise<void> {
  console.log(`bench:scale  ${REQUESTS} requests per list and size (+${WARMUP} warm-up), sizes interleaved`);
  console.log(
    `${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
  const deployments: Deployment[] = [];
  try {
    for (const size of SIZES) deployments.push(await deploy(size));
    const therapist = await token(therapistId(1));
    const admin = await token(ADMIN_ID);
    const lists: [string, (d: Deployment) => () => Promise<number>][] = [
      ['therapist GET /sessions', (d) => viaHttp(d.app, '/sessions', therapist)],
      ['therapist GET /patients', (d) => viaHttp(d.app, '/patients', therapist)],
      ['admin GET /sessions', (d) => viaHttp(d.app, '/sessions', admin)],
      ['therapist sessions (db only)', (d) => viaRepository(d.app, therapistId(1))],
    ];
    const results = new Map<string, Figures[]>();
    for (const [name, make] of lists) {
      const figures = await timedInterleaved(deployments.map((d) => make(d)));
      results.set(name, figures);
      console.log(
        `  ${name.padEnd(30)} ${figures.map((f, i) => `${SIZES[i]! / 1000}k p50 ${fmt(f.p50)} p99 ${fmt(f.p99)}`).join('  ')} ms`,
      );
    }

    console.log('\nfirst page, ms (ratio = p50 / p50 at 1,000 sessions)');
    console.log(
      `| list | ${SIZES.map((s) => `${s.toLocaleString('en')} p50 / p99`).join(' | ')} | ratio at 100k |`,
    );
    console.log(`|---|${SIZES.map(() => '---').join('|')}|---|`);
    let ok = true;
    for (const [name] of lists) {
      const f = results.get(name)!;
      const ratio = f.at(-1)!.p50 / f[0]!.p50;
      console.log(
        `| ${name} | ${f.map((x) => `${x.p50.toFixed(2)} / ${x.p99.toFixed(2)}`).join(' | ')} | ${ratio.toFixed(2)} |`,
      );
      if (name.startsWith('therapist GET')) {
        const last = f.at(-1)!;
        ok &&= last.p50 < TARGET.p50 && last.p99 < TARGET.p99 && ratio <= TARGET.ratio;
      }
    }
    console.log(
      `load average (1, 5, 15 min) at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    );
    console.log(
      `\ntargets for a therapist at 100k: p50 < ${TARGET.p50} ms, p99 < ${TARGET.p99} ms, ` +
        `<= ${TARGET.ratio}x the 1,000-session p50: ${ok ? 'met' : 'NOT met'}`,
    );

    console.log('\nserver execution time of the list query (EXPLAIN ANALYZE, 100 runs), p50 / p99 ms');
    console.log(`| caller | ${SIZES.map((size) => size.toLocaleString('en')).join(' | ')} |`);
    console.log(`|---|${SIZES.map(() => '---').join('|')}|`);
    for (const who of [
      { id: therapistId(1), role: 'therapist' as const },
      { id: ADMIN_ID, role: 'admin' as const },
    ]) {
      const cells: string[] = [];
      for (const d of deployments) {
        const { executionMs } = await explainSessionList(d.url, who, 100);
        cells.push(`${percentile(executionMs, 50).toFixed(3)} / ${percentile(executionMs, 99).toFixed(3)}`);
      }
      console.log(`| ${who.role} | ${cells.join(' | ')} |`);
    }

    const largest = deployments.at(-1)!;
    console.log('\nEXPLAIN (ANALYZE) of the session list as therapist 1 at 100k sessions:\n');
    console.log((await explainSessionList(largest.url, { id: therapistId(1), role: 'therapist' })).text);
    console.log('\nEXPLAIN (ANALYZE) of the session list as an admin at 100k sessions:\n');
    console.log((await explainSessionList(largest.url, { id: ADMIN_ID, role: 'admin' })).text);
    if (!ok) process.exitCode = 1;
  } finally {
    for (const d of deployments) {
      await d.app.close();
      await d.database.close();
    }
  }
}

await main();
