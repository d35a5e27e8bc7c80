import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { mkdirSync } from 'node:fs';
import { Database } from './database.js';
import type { DB } from './database.types.js';

/** Embedded PostgreSQL (PGlite, WASM) persisted in a directory, or in memory for tests. */
export class PgliteDatabase extends Database {
  readonly dialect = 'pglite' as const;
  readonly kysely: Kysely<DB>;

  private constructor(private readonly pg: PGlite) {
    super();
    this.kysely = new Kysely<DB>({ dialect: new PGliteDialect(pg) });
  }

  /** `dataDir` undefined = in memory. `snapshot` = a `dumpDataDir()` tarball to start from. */
  static async open(dataDir?: string, snapshot?: Blob): Promise<PgliteDatabase> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const pg = await PGlite.create(dataDir, snapshot ? { loadDataDir: snapshot } : {});
    return new PgliteDatabase(pg);
  }

  async runScriptInTransaction(script: string, after: (db: Kysely<DB>) => Promise<void>): Promise<void> {
    // PGlite's query() uses the extended protocol (one statement); exec() takes a script.
    // The whole PGlite instance is one connection, so BEGIN/COMMIT here cover both steps.
    await this.pg.exec('BEGIN');
    try {
      await this.pg.exec(script);
      await after(this.kysely);
      await this.pg.exec('COMMIT');
    } catch (error) {
      await this.pg.exec('ROLLBACK');
      throw error;
    }
  }

  withMigrationLock<T>(fn: () => Promise<T>): Promise<T> {
    return fn(); // one process owns the data directory
  }

  async ping(): Promise<void> {
    await this.pg.query('select 1');
  }

  async dump(): Promise<Blob> {
    return this.pg.dumpDataDir('gzip');
  }

  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}
