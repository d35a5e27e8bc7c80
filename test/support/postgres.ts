import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../src/infrastructure/database/migrator.js';
import { PostgresDatabase } from '../../src/infrastructure/database/postgres-database.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestPostgres {
  url: string;
  database: PostgresDatabase;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, uniquely named database on the test server (TEST_DATABASE_URL), migrated unless
 * `migrated: false`. `drop()` closes the pool and removes the database.
 */
export async function createTestPostgres(options: { migrated?: boolean } = {}): Promise<TestPostgres> {
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = new PostgresDatabase(url.toString(), 4);
  if (options.migrated ?? true) await migrate(database);
  return {
    url: url.toString(),
    database,
    drop: async () => {
      await database.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
