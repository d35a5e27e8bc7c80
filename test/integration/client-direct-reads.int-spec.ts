import { afterAll, beforeAll, describe, it } from '@jest/globals';
import {
  type DirectReadsFixture,
  DIRECT_READ_CASES,
  seedDirectReads,
} from '../support/client-direct-reads.js';
import { createTestPostgres, type TestPostgres } from '../support/postgres.js';

describe('the original client’s direct Supabase reads and writes, on PostgreSQL', () => {
  let pgdb: TestPostgres;
  let fx: DirectReadsFixture;
  beforeAll(async () => {
    pgdb = await createTestPostgres();
    fx = await seedDirectReads(pgdb.database);
  });
  afterAll(async () => pgdb.drop());

  it.each(DIRECT_READ_CASES)('%s', async (_name, check) => {
    await check(pgdb.database, fx);
  });
});
