import { describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { rlsPostgres } from '../support/rls-databases.js';
import { seedRlsFixture } from '../support/rls-fixture.js';
import { POLICY_MUTATIONS } from '../support/rls-mutations.js';
import { loadRlsMatrix, matrixDeviations } from '../support/rls-runner.js';

/**
 * Each loosened policy (test/support/rls-mutations.ts) applied to its own scratch database:
 * the RLS matrix must fail, so that a weakened policy cannot land unnoticed. The matrix on an
 * unmutated database passes (rls-matrix.int-spec.ts); here only the failing cases are listed.
 */
const cases = loadRlsMatrix();

describe('RLS matrix catches loosened policies (PostgreSQL)', () => {
  it.each(POLICY_MUTATIONS.map((m) => [m.name, m] as const))(
    '%s',
    async (_name, mutation) => {
      const pg = await rlsPostgres('plain');
      try {
        for (const statement of mutation.sql) await sql.raw(statement).execute(pg.database.kysely);
        const fx = await seedRlsFixture(pg.database);
        const failing = await matrixDeviations(pg.database, fx, cases);
        expect(failing.map((f) => f.name)).not.toEqual([]);
      } finally {
        await pg.drop();
      }
    },
    120_000,
  );
});
