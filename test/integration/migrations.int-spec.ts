import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../src/infrastructure/database/migrator.js';
import { createTestPostgres, type TestPostgres } from '../support/postgres.js';

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
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from public.scoring_configuration`.execute(pgdb.database.kysely);
    expect(rows[0]!.n).toBe(1);
  });

  it('seeds the trial default and enables RLS on every public table', async () => {
    const config = await pgdb.database.kysely
      .selectFrom('scoring_configuration')
      .selectAll()
      .where('id', '=', 'a0000000-0000-0000-0000-000000000001')
      .executeTakeFirstOrThrow();
    expect(config).toMatchObject({ configuration_name: 'GHOSTLY-TRIAL-DEFAULT', active: true, is_global: true, weight_compliance: 0.5, weight_game: 0 });
    expect(config.rpe_mapping?.['3']?.score).toBe(85);
    const { rows } = await sql<{ relname: string }>`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity and c.relname <> 'schema_migrations'`.execute(
      pgdb.database.kysely,
    );
    expect(rows).toEqual([]);
  });

  it('refuses an applied migration whose file changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emg-migrations-'));
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    appendFileSync(join(dir, '0002_user_profiles.sql'), '\n-- edited\n');
    await expect(migrate(pgdb.database, dir)).rejects.toMatchObject({ code: 'migration_checksum_mismatch' });
  });
});
