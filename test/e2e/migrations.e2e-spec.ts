import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../src/infrastructure/database/migrator.js';
import { PgliteDatabase } from '../../src/infrastructure/database/pglite-database.js';

describe('migrations on PGlite', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
  });
  afterAll(async () => db.close());

  it('apply cleanly once, then apply nothing', async () => {
    const all = loadMigrations(defaultMigrationsDir()).map((m) => m.name);
    expect(await migrate(db)).toEqual(all);
    expect(await migrate(db)).toEqual([]);
  });

  it('re-running every file by hand is harmless (idempotent SQL)', async () => {
    for (const m of loadMigrations(defaultMigrationsDir()))
      await db.runScriptInTransaction(m.sql, async () => undefined);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from public.scoring_configuration`.execute(db.kysely);
    expect(rows[0]!.n).toBe(1);
  });

  it('allocates session codes per patient without gaps', async () => {
    const { rows: users } = await sql<{
      id: string;
    }>`insert into auth.users (email) values ('t@x') returning id`.execute(db.kysely);
    await sql`insert into public.user_profiles (id, role) values (${users[0]!.id}, 'therapist')`.execute(
      db.kysely,
    );
    const { rows: patients } = await sql<{ id: string; patient_code: string }>`
      insert into public.patients (therapist_id) values (${users[0]!.id}) returning id, patient_code`.execute(
      db.kysely,
    );
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { rows } = await sql<{
        code: string;
      }>`select public.next_session_code(${patients[0]!.id}) as code`.execute(db.kysely);
      codes.push(rows[0]!.code);
    }
    const p = patients[0]!.patient_code;
    expect(codes).toEqual([`${p}S001`, `${p}S002`, `${p}S003`]);
    const { rows } = await sql<{
      id: string;
    }>`select public.get_session_scoring_config(null, ${patients[0]!.id}) as id`.execute(db.kysely);
    expect(rows[0]!.id).toBe('a0000000-0000-0000-0000-000000000001');
  });

  it('refuses an applied migration whose file changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emg-migrations-'));
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    appendFileSync(join(dir, '0003_patients.sql'), '\n-- edited\n');
    await expect(migrate(db, dir)).rejects.toMatchObject({ code: 'migration_checksum_mismatch' });
  });
});
