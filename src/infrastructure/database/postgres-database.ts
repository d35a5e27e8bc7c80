import { Logger } from '@nestjs/common';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { OutageLog } from '../outage-log.js';
import { Database } from './database.js';
import type { DB } from './database.types.js';

// Keep bigint/numeric columns exact as strings except int8 counts, which fit a JS number here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

const MIGRATION_LOCK_KEY = 7_245_011; // arbitrary, stable advisory-lock key for migrators

/** PostgreSQL 15+ (or Supabase's Postgres) through a `pg` pool. */
export class PostgresDatabase extends Database {
  readonly dialect = 'postgres' as const;
  readonly kysely: Kysely<DB>;
  private readonly pool: pg.Pool;

  constructor(
    private readonly connectionString: string,
    poolSize: number,
  ) {
    super();
    this.pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5000 });
    const outage = new OutageLog(new Logger('Database'), 'PostgreSQL');
    const onError = (error: Error) => outage.error(error);
    // pg emits 'error' on a client whose server connection dies (a PostgreSQL restart, or
    // pg_terminate_backend, SQLSTATE 57P01). The pool listens only while a client is idle in
    // it: one checked out (a transaction in progress, e.g. while an upload is written to storage)
    // had no listener, and an unhandled 'error' event ends the process. Every client therefore
    // gets a listener for its whole life. The query in flight fails by itself (the request
    // answers 503 database_unavailable, a job is retried), and the pool drops the broken client
    // when it is released; the next checkout connects anew.
    this.pool.on('connect', (client) => {
      client.on('error', onError);
      outage.recovered();
    });
    this.pool.on('error', onError);
    this.kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: this.pool }) });
  }

  async runScriptInTransaction(script: string, after: (db: Kysely<DB>) => Promise<void>): Promise<void> {
    await this.kysely.transaction().execute(async (trx) => {
      // With no parameters pg uses the simple query protocol, which accepts a whole script.
      await sql.raw(script).execute(trx);
      await after(trx);
    });
  }

  /**
   * The advisory lock is held on a connection of its own, outside the pool: the migration's
   * statements need pool connections too, and with a pool of one (npm run db:migrate,
   * DB_POOL_SIZE=1) the lock would hold the only one.
   */
  async withMigrationLock<T>(fn: () => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5000 });
    client.on('error', (error) =>
      new Logger('Migrations').warn({ msg: 'lock connection lost', error: error.message }),
    );
    await client.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await client.end();
    }
  }

  async ping(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('select 1');
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.kysely.destroy();
  }
}
