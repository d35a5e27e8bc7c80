/**
 * Cohort export benchmark: seeds BENCH_EXPORT_SESSIONS sessions (default 10,000; 2 channels and
 * 24 contractions each) into a fresh PostgreSQL database, then runs cohort exports (CSV and JSON)
 * of a tenth of them and of all of them through the service (its in-process queue), and prints the time,
 * the ZIP size, and the growth of the process's RSS and post-collection live heap while each ran.
 * Memory that stays flat from a tenth to all of them is what "bounded" means here.
 *
 * Run: npm run bench:exports  (needs the PostgreSQL of this machine: TEST_DATABASE_URL; the
 * database it creates is dropped at the end).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import type { AuthUser } from '../src/auth/auth-user.js';
import { CohortExportService } from '../src/exports/cohort-export.service.js';
import { migrate } from '../src/infrastructure/database/migrator.js';
import { PostgresDatabase } from '../src/infrastructure/database/postgres-database.js';
import { AppConfig } from '../src/shared/config/app-config.js';

const DB_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SESSIONS = Number(process.env.BENCH_EXPORT_SESSIONS ?? 10_000);
const PER_PATIENT = 100;
const MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function seed(db: PostgresDatabase): Promise<AuthUser> {
  const k = db.kysely;
  const user = async (role: string) => {
    const { id } = await k
      .insertInto('auth.users')
      .values({ email: `${role}-${randomBytes(3).toString('hex')}@bench.local` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await k
      .insertInto('user_profiles')
      .values({ id, role: role as 'researcher', active: true, first_name: 'Bench', last_name: role })
      .execute();
    return id;
  };
  const therapist = await user('therapist');
  const researcher = await user('researcher');
  const patients = Math.ceil(SESSIONS / PER_PATIENT);
  await sql`insert into public.patients (patient_code, therapist_id, age_group, gender)
    select 'P' || lpad(g::text, 4, '0'), ${therapist}::uuid, '51-70', 'F' from generate_series(1, ${patients}) g`.execute(
    k,
  );
  await sql`insert into public.therapy_sessions (session_code, patient_id, file_path, file_hash, file_size_bytes,
      processing_status, game_metadata, session_date, processed_at)
    select p.patient_code || 'S' || lpad(s::text, 3, '0'), p.id, 'c3d-examples/' || p.patient_code || '/f' || s || '.c3d',
      encode(sha256(convert_to(p.patient_code || ':' || s, 'UTF8')), 'hex'), 1000, 'completed',
      jsonb_build_object('game_name', 'Ghostly', 'level', '2', 'player_name', 'Bench Player', 'duration_seconds', 75.03),
      now() - make_interval(days => s), now()
    from public.patients p, generate_series(1, ${PER_PATIENT}) s`.execute(k);
  await sql`insert into public.emg_statistics (session_id, channel_name, sampling_rate_hz, duration_seconds, mvc_value,
      mvc_threshold_percentage, mvc75_threshold, total_contractions, good_contractions, rms, mav, mpf, mdf,
      fatigue_index, processing_profile)
    select s.id, ch, 990, 75.03, 1e-4 + random() * 1e-4, 75, 1e-4, 12, 6, random() * 1e-4, random() * 1e-4,
      80 + random() * 10, 70 + random() * 10, random(), 'ghostly-v1@1'
    from public.therapy_sessions s, unnest(array['CH1', 'CH2']) ch`.execute(k);
  await sql`insert into public.contractions (session_id, channel_name, idx, start_sample, end_sample, start_time_ms,
      end_time_ms, duration_ms, mean_amplitude, max_amplitude, meets_mvc, meets_duration, is_good)
    select s.id, ch, i, i * 5000, i * 5000 + 2000, i * 5050.505, i * 5050.505 + 2020.202, 2020.202,
      random() * 1e-4, random() * 2e-4, i % 2 = 0, i % 3 = 0, i % 6 = 0
    from public.therapy_sessions s, unnest(array['CH1', 'CH2']) ch, generate_series(0, 11) i`.execute(k);
  await sql`insert into public.performance_scores (session_id, scoring_config_id, overall_score, compliance_score)
    select s.id, 'a0000000-0000-0000-0000-000000000001', random() * 100, random() * 100
    from public.therapy_sessions s`.execute(k);
  return { id: researcher, email: null, role: 'researcher', claims: {} };
}

async function main(): Promise<void> {
  const name = `bench_exports_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(DB_URL);
  url.pathname = `/${name}`;
  const database = new PostgresDatabase(url.toString(), 4);
  try {
    await migrate(database);
    const t0 = Date.now();
    const researcher = await seed(database);
    console.log(`seeded ${SESSIONS} sessions (${SESSIONS * 24} contractions) in ${Date.now() - t0} ms`);
    const config = AppConfig.fromEnv({
      LOG_LEVEL: 'error',
      JWT_SECRET: randomBytes(24).toString('hex'),
      DATABASE_URL: url.toString(),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-exports-')),
    });
    const app = await NestFactory.createApplicationContext(AppModule.register({ config, database }), {
      logger: false,
    });
    const exports = app.get(CohortExportService);
    const tenth = Array.from(
      { length: Math.ceil(SESSIONS / PER_PATIENT / 10) },
      (_, i) => `P${String(i + 1).padStart(4, '0')}`,
    );
    console.log('format  sessions   time      zip      RSS growth  live-heap growth');
    for (const format of ['csv', 'json'] as const) {
      for (const patient_codes of [tenth, undefined]) {
        const job = await exports.create(researcher, { format, ...(patient_codes ? { patient_codes } : {}) });
        gc();
        const base = process.memoryUsage();
        let rss = base.rss;
        let live = base.heapUsed;
        const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 5);
        const collector = setInterval(() => {
          gc();
          live = Math.max(live, process.memoryUsage().heapUsed);
        }, 1000);
        const started = Date.now();
        // the service's in-process queue runs the job in this process
        let done = await exports.get(researcher, job.id);
        while (done.status === 'queued' || done.status === 'running') {
          await new Promise((r) => setTimeout(r, 50));
          done = await exports.get(researcher, job.id);
        }
        const ms = Date.now() - started;
        clearInterval(sampler);
        clearInterval(collector);
        if (done.status !== 'completed')
          throw new Error(`export ${done.id} ${done.status}: ${done.error_message}`);
        console.log(
          `${format.padEnd(7)} ${String(done.sessions_exported).padStart(8)} ${String(ms).padStart(7)} ms ` +
            `${((done.bytes ?? 0) / MB).toFixed(2).padStart(6)} MB ${((rss - base.rss) / MB).toFixed(1).padStart(8)} MB ` +
            `${((live - base.heapUsed) / MB).toFixed(1).padStart(10)} MB`,
        );
      }
    }
    await app.close();
  } finally {
    await database.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
