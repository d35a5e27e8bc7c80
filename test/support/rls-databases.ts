import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../src/infrastructure/database/database.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../src/infrastructure/database/migrator.js';
import { PgliteDatabase } from '../../src/infrastructure/database/pglite-database.js';
import { migratedPglite } from './pglite-snapshot.js';
import { createTestPostgres, type TestPostgres } from './postgres.js';

/**
 * Databases for the RLS matrix: migrated as on plain PostgreSQL, or as on a Supabase project,
 * whose default privileges give anon, authenticated and service_role every privilege on every
 * table, function and sequence created in schema public (set up here before the first migration,
 * and granted once more on everything just before the strict migration), and optionally only up to
 * the strict migration (to show what it changes: migrate() applies the rest afterwards).
 */
export type GrantSetup = 'plain' | 'supabase';
export const GRANT_SETUPS: GrantSetup[] = ['plain', 'supabase'];

/** The first migration of issue 15's strict policies. */
export const STRICT_MIGRATION = '0013';

const SUPABASE_DEFAULTS = [
  `do $$
   begin
     if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin noinherit; end if;
     if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin noinherit; end if;
     if not exists (select 1 from pg_roles where rolname = 'service_role') then create role service_role nologin noinherit; end if;
   end
   $$`,
  'alter default privileges in schema public grant all on tables to anon, authenticated, service_role',
  'alter default privileges in schema public grant all on functions to anon, authenticated, service_role',
  'alter default privileges in schema public grant all on sequences to anon, authenticated, service_role',
];
const GRANT_ALL = [
  'grant all on all tables in schema public to anon, authenticated, service_role',
  'grant all on all functions in schema public to anon, authenticated, service_role',
  'grant all on all sequences in schema public to anon, authenticated, service_role',
];

async function run(db: Database, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db.kysely);
}

/** A folder with the migrations whose names sort before `bound` (e.g. '0013'). */
function migrationsBefore(bound: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rls-migrations-'));
  const source = defaultMigrationsDir();
  for (const m of loadMigrations(source))
    if (m.name < bound) copyFileSync(join(source, m.name), join(dir, m.name));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Migrates `db` (empty) for `setup`: the migrations before the strict one, then (Supabase) every
 * existing object granted to the API roles once more, then the rest unless `beforeStrict`.
 */
export async function migrateFor(
  db: Database,
  setup: GrantSetup,
  options: { beforeStrict?: boolean } = {},
): Promise<void> {
  if (setup === 'supabase') await run(db, SUPABASE_DEFAULTS);
  const first = migrationsBefore(STRICT_MIGRATION);
  try {
    await migrate(db, first.dir);
  } finally {
    first.remove();
  }
  if (setup === 'supabase') await run(db, GRANT_ALL);
  if (!options.beforeStrict) await migrate(db);
}

export async function rlsPglite(
  setup: GrantSetup,
  options: { beforeStrict?: boolean } = {},
): Promise<PgliteDatabase> {
  if (setup === 'plain' && !options.beforeStrict) return migratedPglite();
  const db = await PgliteDatabase.open();
  await migrateFor(db, setup, options);
  return db;
}

export async function rlsPostgres(
  setup: GrantSetup,
  options: { beforeStrict?: boolean } = {},
): Promise<TestPostgres> {
  const pg = await createTestPostgres({ migrated: false });
  await migrateFor(pg.database, setup, options);
  return pg;
}
