/**
 * The seed of the list benchmarks (bench:scale, bench:load): 200 therapists with fixed ids, an
 * admin, 1,000 patients (patient i belongs to therapist 1 + i % 200) and sessions spread evenly
 * over them, written with generate_series in a few statements.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/infrastructure/database/database.types.js';

export const THERAPISTS = 200;
export const PATIENTS = 1_000;

/** Therapist n (1..200) and the admin have fixed ids, so the seed is plain SQL. */
export const therapistId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const ADMIN_ID = '00000000-0000-4000-8000-0000000aaaaa';

/** Drops and creates the database of `dbUrl` (connecting to the server's `postgres` database). */
export async function recreateDatabase(dbUrl: string): Promise<void> {
  const url = new URL(dbUrl);
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** 200 therapists, an admin, 1,000 patients (patient i belongs to therapist 1 + i % 200). */
export async function seedPeople(db: Kysely<DB>): Promise<void> {
  await sql`
    insert into auth.users (id, email)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(t), 12, '0'))::uuid, 'bench-t' || t || '@localhost'
    from generate_series(1, ${THERAPISTS}::int) t`.execute(db);
  await sql`
    insert into public.user_profiles (id, role, first_name, last_name)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(t), 12, '0'))::uuid, 'therapist', 'Bench', 'T' || t
    from generate_series(1, ${THERAPISTS}::int) t`.execute(db);
  await sql`insert into auth.users (id, email) values (${ADMIN_ID}::uuid, 'bench-scale-admin@localhost')`.execute(
    db,
  );
  await sql`insert into public.user_profiles (id, role) values (${ADMIN_ID}::uuid, 'admin')`.execute(db);
  await sql`
    insert into public.patients (patient_code, therapist_id)
    select 'P' || (1000 + i), ('00000000-0000-4000-8000-' || lpad(to_hex(1 + i % ${THERAPISTS}::int), 12, '0'))::uuid
    from generate_series(0, ${PATIENTS - 1}::int) i`.execute(db);
}

/**
 * Sessions [lo, hi): session i belongs to patient i % 1,000 (so to therapist 1 + i % 200), dated
 * over two years, completed; a tenth undated (listed by upload time).
 */
export async function seedSessions(db: Kysely<DB>, lo: number, hi: number): Promise<void> {
  await sql`
    insert into public.therapy_sessions (session_code, patient_id, therapist_id, scoring_config_id, file_path,
      file_hash, file_size_bytes, processing_status, session_date, created_at, processed_at)
    select p.patient_code || 'S' || lpad((1 + i / ${PATIENTS}::int)::text, 3, '0'), p.id, p.therapist_id,
      'a0000000-0000-0000-0000-000000000001'::uuid, 'c3d-examples/' || p.patient_code || '/s' || i || '.c3d',
      encode(sha256(i::text::bytea), 'hex'), 100000 + i, 'completed',
      case when i % 10 = 0 then null
        else timestamptz '2024-01-01' + (i::bigint * 7919 % 63072000) * interval '1 second' end,
      timestamptz '2026-01-01' + (i::bigint * 104729 % 31536000) * interval '1 second',
      timestamptz '2026-01-01' + (i::bigint * 104729 % 31536000) * interval '1 second' + interval '30 seconds'
    from generate_series(${lo}::int, ${hi - 1}::int) i
    join public.patients p on p.patient_code = 'P' || (1000 + i % ${PATIENTS}::int)`.execute(db);
  await sql`
    update public.patients p set session_counter = (select count(*) from public.therapy_sessions s where s.patient_id = p.id)
  `.execute(db);
}
