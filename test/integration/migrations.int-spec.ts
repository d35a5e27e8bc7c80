import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, appendFileSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../src/infrastructure/database/migrator.js';
import { DbContext } from '../../src/infrastructure/database/db-context.js';
import { PostgresDatabase } from '../../src/infrastructure/database/postgres-database.js';
import { createTestPostgres, TEST_DATABASE_URL, type TestPostgres } from '../support/postgres.js';

describe('migrations on PostgreSQL', () => {
  let pgdb: TestPostgres;
  beforeAll(async () => {
    pgdb = await createTestPostgres({ migrated: false });
  });
  afterAll(async () => pgdb.drop());

  it('apply cleanly once, then apply nothing', async () => {
    const all = loadMigrations(defaultMigrationsDir()).map((m) => m.name);
    expect(await migrate(pgdb.database)).toEqual(all);
    expect(await migrate(pgdb.database)).toEqual([]);
  });

  it('re-running every file by hand is harmless (idempotent SQL)', async () => {
    for (const m of loadMigrations(defaultMigrationsDir())) {
      await pgdb.database.runScriptInTransaction(m.sql, async () => undefined);
    }
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from public.scoring_configuration`.execute(pgdb.database.kysely);
    expect(rows[0]!.n).toBe(1);
  });

  it('seeds the trial default and enables RLS on every public table, the migration record too', async () => {
    const config = await pgdb.database.kysely
      .selectFrom('scoring_configuration')
      .selectAll()
      .where('id', '=', 'a0000000-0000-0000-0000-000000000001')
      .executeTakeFirstOrThrow();
    expect(config).toMatchObject({
      configuration_name: 'GHOSTLY-TRIAL-DEFAULT',
      active: true,
      is_global: true,
      weight_compliance: 0.5,
      weight_game: 0,
    });
    expect(config.rpe_mapping?.['3']?.score).toBe(85);
    const { rows } = await sql<{ relname: string }>`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`.execute(pgdb.database.kysely);
    expect(rows).toEqual([]);
  });

  it('refuses an applied migration whose file changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emg-migrations-'));
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    appendFileSync(join(dir, '0002_user_profiles.sql'), '\n-- edited\n');
    await expect(migrate(pgdb.database, dir)).rejects.toMatchObject({ code: 'migration_checksum_mismatch' });
  });
});

describe('npm run db:migrate (the deploy step) on PostgreSQL', () => {
  let pgdb: TestPostgres;
  beforeAll(async () => {
    pgdb = await createTestPostgres({ migrated: false });
  });
  afterAll(async () => pgdb.drop());

  const run = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['dist/src/cli/migrate.js'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60_000,
    });

  it('applies everything once over its single connection, then nothing', async () => {
    const first = await run({
      DATABASE_URL: pgdb.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'emg-migrate-')),
    });
    expect(first.stdout).toMatch(/^Applied: 0001_auth_shim\.sql, /);
    const second = await run({
      DATABASE_URL: pgdb.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'emg-migrate-')),
    });
    expect(second.stdout).toBe('Nothing to apply: the schema is current.\n');
  });

  it('a pool of one connection migrates too (DB_POOL_SIZE=1 with DB_MIGRATE_ON_START)', async () => {
    const other = await createTestPostgres({ migrated: false });
    const single = new PostgresDatabase(other.url, 1);
    try {
      expect((await migrate(single)).length).toBeGreaterThan(0);
    } finally {
      await single.close();
      await other.drop();
    }
  });
});

describe('migrations as a non-superuser database owner (managed PostgreSQL)', () => {
  const role = `emg_app_${randomBytes(4).toString('hex')}`;
  const dbName = `test_owner_${randomBytes(4).toString('hex')}`;
  const asAdmin = async (q: string) => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  let database: PostgresDatabase;
  beforeAll(async () => {
    await asAdmin(`create role ${role} login createrole nosuperuser`);
    await asAdmin(`create database ${dbName} owner ${role}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${dbName}`;
    url.username = role;
    database = new PostgresDatabase(url.toString(), 2);
  });
  afterAll(async () => {
    await database.close();
    await asAdmin(`drop database if exists ${dbName} with (force)`);
    await asAdmin(`drop role if exists ${role}`);
  });

  it('applies, and user requests then run as authenticated under RLS', async () => {
    expect((await migrate(database)).length).toBeGreaterThan(0);
    const ctx = new DbContext(database);
    const who = await ctx.asUser({ id: '00000000-0000-4000-8000-000000000001', claims: {} }, async (trx) => {
      const { rows } = await sql<{
        role: string;
        uid: string;
      }>`select current_user as role, auth.uid()::text as uid`.execute(trx);
      // an unknown user sees no profile and no patient: the policies apply
      const patients = await trx.selectFrom('patients').select('id').execute();
      return { ...rows[0]!, patients: patients.length };
    });
    expect(who).toEqual({ role: 'authenticated', uid: '00000000-0000-4000-8000-000000000001', patients: 0 });
  });
});
