import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PgliteDatabase } from '../../src/infrastructure/database/pglite-database.js';
import { migratedPglite } from '../support/pglite-snapshot.js';
import {
  caseName,
  loadRlsMatrix,
  type RlsFixture,
  runRlsCase,
  seedRlsFixture,
} from '../support/rls-runner.js';

const cases = loadRlsMatrix();

describe('RLS matrix on PGlite', () => {
  let db: PgliteDatabase;
  let fx: RlsFixture;
  beforeAll(async () => {
    db = await migratedPglite();
    fx = await seedRlsFixture(db);
  });
  afterAll(async () => db.close());

  it.each(cases.map((c) => [caseName(c), c] as const))('%s', async (_name, c) => {
    expect(await runRlsCase(db, fx, c)).toBe(c.expect);
  });
});
