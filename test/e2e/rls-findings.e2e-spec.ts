import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrate } from '../../src/infrastructure/database/migrator.js';
import type { PgliteDatabase } from '../../src/infrastructure/database/pglite-database.js';
import { GRANT_SETUPS, rlsPglite } from '../support/rls-databases.js';
import { type RlsFixture, seedRlsFixture } from '../support/rls-fixture.js';
import { defaultPrivilegeDifferences } from '../support/rls-grants.js';
import { loadRlsMatrix, matrixDeviations } from '../support/rls-runner.js';

/**
 * Issue 15's seven findings, each shown to fail and then to pass on the same data: a database
 * migrated up to 0012 (plain and with Supabase's default grants) is seeded, the matrix cases
 * marked `finding: N` are replayed (every finding must have a case that deviates), then the
 * remaining migrations run over that data (player names already stored are moved too) and every
 * finding case must pass.
 */
const findingCases = loadRlsMatrix().filter((c) => c.finding !== undefined);
const FINDINGS = [1, 2, 3, 4, 5, 6, 7];

describe.each(GRANT_SETUPS)('issue 15 findings, %s grants', (setup) => {
  let db: PgliteDatabase;
  let fx: RlsFixture;
  let before: Awaited<ReturnType<typeof matrixDeviations>>;
  let defaultsBefore: string[];
  beforeAll(async () => {
    db = await rlsPglite(setup, { beforeStrict: true });
    fx = await seedRlsFixture(db);
    before = await matrixDeviations(db, fx, findingCases);
    defaultsBefore = await defaultPrivilegeDifferences(db);
    await migrate(db);
  }, 180_000);
  afterAll(async () => db?.close());

  it('before 0013, every finding has a case that fails', () => {
    const failing = new Set(before.map((d) => findingCases.find((c) => c.name === d.name)!.finding));
    expect(FINDINGS.filter((f) => !failing.has(f))).toEqual([]);
  });

  it('after 0013 over the same data, every finding case passes', async () => {
    expect(await matrixDeviations(db, fx, findingCases)).toEqual([]);
  });

  it("finding 7's default privileges: open before 0013, closed after", async () => {
    expect(defaultsBefore).not.toEqual([]);
    expect(await defaultPrivilegeDifferences(db)).toEqual([]);
  });
});
