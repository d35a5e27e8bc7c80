import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createTestPostgres, type TestPostgres } from '../support/postgres.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

// Cohort exports against real PostgreSQL with Bull on Redis, 2,000 seeded sessions (48,000
// contractions): the export runs in this process, whose resident set is sampled while it runs.
jest.setTimeout(300_000);
const SECRET = 'exports-int-secret-with-at-least-32-chars';
const REDIS_DB = 13;
const PATIENTS = 20;
const SESSIONS_PER_PATIENT = 100;
const SEEDED_NAME = 'Seeded Playername';

function redisUrl(): string {
  const url = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = `/${REDIS_DB}`;
  return url.toString();
}

interface Job {
  id: string;
  status: string;
  progress: number;
  sessions_total: number;
  counts: Record<string, number>;
  download_url: string | null;
  bytes: number;
}

const MB = 1024 * 1024;

// A collector to call: the live heap after a collection is what an export retains; RSS alone
// also counts garbage the engine has not collected yet.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('cohort exports of 2,000 sessions (PostgreSQL, Bull)', () => {
  let pgdb: TestPostgres;
  let t: TestApp;
  let researcher: TestUser;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));

  beforeAll(async () => {
    const redis = new Redis(redisUrl());
    await redis.flushdb();
    await redis.quit();
    pgdb = await createTestPostgres();
    t = await createTestApp(
      { JWT_SECRET: SECRET, DATABASE_URL: pgdb.url, REDIS_URL: redisUrl() },
      { database: pgdb.database },
    );
    const therapist = await createUser(pgdb.database, 'therapist');
    researcher = await createUser(pgdb.database, 'researcher');
    const db = pgdb.database.kysely;
    await sql`insert into public.patients (patient_code, therapist_id, age_group, gender)
      select 'P' || lpad(g::text, 3, '0'), ${therapist.id}::uuid, '51-70', 'F' from generate_series(1, ${PATIENTS}) g`.execute(
      db,
    );
    await sql`insert into public.therapy_sessions (session_code, patient_id, file_path, file_hash, file_size_bytes,
        processing_status, game_metadata, session_date, processed_at)
      select p.patient_code || 'S' || lpad(s::text, 3, '0'), p.id, 'c3d-examples/' || p.patient_code || '/f' || s || '.c3d',
        encode(sha256(convert_to(p.patient_code || ':' || s, 'UTF8')), 'hex'), 1000, 'completed',
        jsonb_build_object('game_name', 'Ghostly', 'level', '2', 'player_name', ${SEEDED_NAME}::text, 'duration_seconds', 75.03),
        now() - make_interval(days => s), now()
      from public.patients p, generate_series(1, ${SESSIONS_PER_PATIENT}) s`.execute(db);
    await sql`insert into public.emg_statistics (session_id, channel_name, sampling_rate_hz, duration_seconds, mvc_value,
        mvc_threshold_percentage, mvc75_threshold, mvc_source, duration_threshold_ms, total_contractions, good_contractions,
        mvc_compliant_contractions, duration_compliant_contractions, compliance_rate, rms, mav, mpf, mdf, fatigue_index,
        processing_profile)
      select s.id, ch, 990, 75.03, 1e-4 + random() * 1e-4, 75, 1e-4, 'backend_estimation', 2000, 12, 6, 8, 7, 0.5,
        random() * 1e-4, random() * 1e-4, 80 + random() * 10, 70 + random() * 10, random(), 'ghostly-v1@1'
      from public.therapy_sessions s, unnest(array['CH1', 'CH2']) ch`.execute(db);
    await sql`insert into public.contractions (session_id, channel_name, idx, start_sample, end_sample, start_time_ms,
        end_time_ms, duration_ms, mean_amplitude, max_amplitude, meets_mvc, meets_duration, is_good)
      select s.id, ch, i, i * 5000, i * 5000 + 2000, i * 5050.505, i * 5050.505 + 2020.202, 2020.202,
        random() * 1e-4, random() * 2e-4, i % 2 = 0, i % 3 = 0, i % 6 = 0
      from public.therapy_sessions s, unnest(array['CH1', 'CH2']) ch, generate_series(0, 11) i`.execute(db);
    await sql`insert into public.performance_scores (session_id, scoring_config_id, overall_score, compliance_score,
        symmetry_score, effort_score, game_score)
      select s.id, 'a0000000-0000-0000-0000-000000000001', random() * 100, random() * 100, random() * 100, 50, 40
      from public.therapy_sessions s`.execute(db);
  });
  afterAll(async () => {
    await t.close();
    await pgdb.drop();
  });

  /** Runs an export as the researcher; returns it with the peak RSS growth while it ran. */
  async function runExport(
    body: Record<string, unknown>,
  ): Promise<{ job: Job; peakMb: number; liveMb: number; ms: number }> {
    gc();
    const baseline = process.memoryUsage();
    let peak = baseline.rss;
    let live = baseline.heapUsed;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const collector = setInterval(() => {
      gc();
      live = Math.max(live, process.memoryUsage().heapUsed);
    }, 1000);
    const started = Date.now();
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/exports',
        headers: await auth(researcher),
        payload: body,
      });
      expect(res.statusCode).toBe(202);
      const id = res.json<Job>().id;
      for (;;) {
        const job = (
          await t.app.inject({ method: 'GET', url: `/exports/${id}`, headers: await auth(researcher) })
        ).json<Job>();
        if (job.status === 'completed' || job.status === 'failed')
          return {
            job,
            peakMb: (peak - baseline.rss) / MB,
            liveMb: (live - baseline.heapUsed) / MB,
            ms: Date.now() - started,
          };
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      clearInterval(sampler);
      clearInterval(collector);
    }
  }

  async function download(job: Job): Promise<Record<string, Uint8Array>> {
    const res = await t.app.inject({
      method: 'GET',
      url: job.download_url!,
      headers: await auth(researcher),
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBe(job.bytes);
    return unzipSync(new Uint8Array(res.rawPayload));
  }

  it('CSV and JSON of 2,000 sessions in bounded memory, complete and pseudonymised', async () => {
    const small = await runExport({ format: 'csv', patient_codes: ['P001', 'P002'] });
    const csv = await runExport({ format: 'csv' });
    const json = await runExport({ format: 'json' });
    console.log(
      [
        'cohort export figures (growth while the export ran: peak RSS; peak live heap after collection):',
        ...[
          ['csv 200 sessions', small],
          ['csv 2,000 sessions', csv],
          ['json 2,000 sessions', json],
        ].map(
          ([name, r]) =>
            `  ${String(name).padEnd(20)} RSS +${(r as typeof csv).peakMb.toFixed(1)} MB, live heap +${(r as typeof csv).liveMb.toFixed(1)} MB, ` +
            `${(r as typeof csv).ms} ms, ${((r as typeof csv).job.bytes / MB).toFixed(2)} MB zip`,
        ),
      ].join('\n'),
    );
    for (const r of [csv, json]) {
      expect(r.job).toMatchObject({ status: 'completed', progress: 100, sessions_total: 2000 });
      expect(r.job.counts).toMatchObject({ sessions: 2000, channels: 4000, contractions: 48000 });
    }
    // What an export retains does not follow its size: ten times the sessions, about the same
    // live heap (one page of rows, one part of the artifact); RSS also holds uncollected garbage.
    expect(csv.liveMb).toBeLessThan(small.liveMb + 16);
    expect(csv.liveMb).toBeLessThan(40);
    expect(json.liveMb).toBeLessThan(40);
    expect(csv.peakMb).toBeLessThan(128);
    expect(json.peakMb).toBeLessThan(128);

    const tables = await download(csv.job);
    const lines = (name: string) =>
      strFromU8(tables[name]!)
        .split('\r\n')
        .filter((l) => l.length > 0);
    expect(lines('sessions.csv')).toHaveLength(2001);
    expect(lines('channels.csv')).toHaveLength(4001);
    expect(lines('contractions.csv')).toHaveLength(48001);
    const pseudonyms = new Set(
      lines('sessions.csv')
        .slice(1)
        .map((l) => l.split(',')[1]),
    );
    expect(pseudonyms.size).toBe(PATIENTS);
    for (const p of pseudonyms) expect(p).toMatch(/^p[0-9a-f]{12}$/);
    const doc = strFromU8((await download(json.job))['export.json']!);
    expect(doc).not.toContain(SEEDED_NAME);
    expect(doc).not.toMatch(/"P0[0-9]{2}/);
    const parsed = JSON.parse(doc) as { sessions: { patient_code: string }[] };
    expect(parsed.sessions).toHaveLength(2000);
    // a new export gives every patient a new pseudonym
    const jsonPseudonyms = new Set(parsed.sessions.map((s) => s.patient_code));
    expect(jsonPseudonyms.size).toBe(PATIENTS);
    for (const p of jsonPseudonyms) expect(pseudonyms.has(p)).toBe(false);

    // GET /exports on PostgreSQL: the three jobs, newest first, a page at a time
    const page = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/exports${query}`, headers: await auth(researcher) })).json<{
        items: Job[];
        total: number | null;
        next_cursor: string | null;
      }>();
    const first = await page('?scope=cohort&limit=2');
    expect(first.total).toBe(3);
    const rest = await page(`?scope=cohort&limit=2&cursor=${first.next_cursor}`);
    expect([...first.items, ...rest.items].map((j) => j.id)).toEqual([json.job.id, csv.job.id, small.job.id]);
    expect(rest.next_cursor).toBeNull();
  });
});
