import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestPostgres, type TestPostgres } from '../support/postgres.js';
import {
  caseName,
  loadRlsMatrix,
  type RlsFixture,
  runRlsCase,
  seedRlsFixture,
} from '../support/rls-runner.js';

const cases = loadRlsMatrix();

describe('RLS matrix on PostgreSQL', () => {
  let pgdb: TestPostgres;
  let fx: RlsFixture;
  beforeAll(async () => {
    pgdb = await createTestPostgres();
    fx = await seedRlsFixture(pgdb.database);
  });
  afterAll(async () => pgdb.drop());

  it.each(cases.map((c) => [caseName(c), c] as const))('%s', async (_name, c) => {
    expect(await runRlsCase(pgdb.database, fx, c)).toBe(c.expect);
  });
});
