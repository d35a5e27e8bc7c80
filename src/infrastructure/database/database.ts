import type { Kysely } from 'kysely';
import type { DB } from './database.types.js';

export type DatabaseDialect = 'pglite' | 'postgres';

/**
 * The database connection seam: PGlite (embedded) or a PostgreSQL pool (server mode).
 * Repositories use {@link DbContext} on top of it; only migrations and health use it directly.
 */
export abstract class Database {
  abstract readonly dialect: DatabaseDialect;
  abstract readonly kysely: Kysely<DB>;
  /** Runs a multi-statement SQL script and `after` in one transaction (migrations). */
  abstract runScriptInTransaction(script: string, after: (db: Kysely<DB>) => Promise<void>): Promise<void>;
  /** Serialises migrators across processes (advisory lock in server mode). */
  abstract withMigrationLock<T>(fn: () => Promise<T>): Promise<T>;
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}
