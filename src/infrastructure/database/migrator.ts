import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors/app-error.js';
import { sha256Hex } from '../../shared/hash/sha256.js';
import type { Database } from './database.js';

const FILE_PATTERN = /^\d{4}_[a-z0-9_]+\.sql$/;

export interface MigrationFile {
  name: string;
  checksum: string;
  sql: string;
}

export class MigrationError extends AppError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('internal', code, message, undefined, options);
  }
}

/** The repository's migrations/ folder, found from this file in src/ or dist/src/. */
export function defaultMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'migrations')) && existsSync(join(dir, 'package.json')))
      return join(dir, 'migrations');
    dir = dirname(dir);
  }
  throw new MigrationError('migrations_dir_missing', 'Could not find the migrations/ folder');
}

export function loadMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => FILE_PATTERN.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, sql, checksum: sha256Hex(sql) };
    });
}

/**
 * Applies forward-only SQL migrations, each in its own transaction, recording name and checksum.
 * An applied file whose content changed is an error: migrations are history, not configuration.
 */
export async function migrate(db: Database, dir = defaultMigrationsDir()): Promise<string[]> {
  const files = loadMigrations(dir);
  return db.withMigrationLock(async () => {
    // RLS with no policy: on Supabase, whose default privileges open new public tables to the
    // API roles, PostgREST clients can neither read nor rewrite the migration record.
    await db.runScriptInTransaction(
      `create table if not exists public.schema_migrations (
         name text primary key,
         checksum text not null,
         applied_at timestamptz not null default now()
       );
       alter table public.schema_migrations enable row level security;`,
      async () => undefined,
    );
    const applied = new Map(
      (await db.kysely.selectFrom('schema_migrations').select(['name', 'checksum']).execute()).map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    const ran: string[] = [];
    for (const file of files) {
      const previous = applied.get(file.name);
      if (previous !== undefined) {
        if (previous !== file.checksum) {
          throw new MigrationError(
            'migration_checksum_mismatch',
            `Applied migration ${file.name} was changed`,
          );
        }
        continue;
      }
      try {
        await db.runScriptInTransaction(file.sql, async (trx) => {
          await trx
            .insertInto('schema_migrations')
            .values({ name: file.name, checksum: file.checksum })
            .execute();
        });
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new MigrationError('migration_failed', `Migration ${file.name} failed: ${reason}`, { cause });
      }
      ran.push(file.name);
    }
    return ran;
  });
}
