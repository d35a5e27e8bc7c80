import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Database } from '../../src/infrastructure/database/database.js';
import { migrate } from '../../src/infrastructure/database/migrator.js';
import { GRANT_SETUPS, type GrantSetup } from './rls-databases.js';
import { ACTORS, type RlsFixture, seedRlsFixture } from './rls-fixture.js';
import { defaultPrivilegeDifferences, grantDifferences, publicObjects } from './rls-grants.js';
import { loadRlsMatrix, loadRlsMatrixFile, matrixDeviations, runMatrixCase } from './rls-runner.js';

export interface OpenDatabase {
  db: Database;
  close(): Promise<void>;
}

const OPERATIONS = ['select', 'insert', 'update', 'delete'] as const;

/**
 * The whole RLS matrix on one engine, once per grant setup (plain PostgreSQL, Supabase's
 * default grants): the catalog's grants, the coverage of every table, operation, actor and
 * function, and every case.
 */
export function describeRlsMatrix(engine: string, open: (setup: GrantSetup) => Promise<OpenDatabase>): void {
  const file = loadRlsMatrixFile();
  const cases = loadRlsMatrix(file);

  describe.each(GRANT_SETUPS)(`RLS matrix on ${engine}, %s grants`, (setup) => {
    let handle: OpenDatabase;
    let fx: RlsFixture;
    beforeAll(async () => {
      handle = await open(setup);
      fx = await seedRlsFixture(handle.db);
    }, 180_000);
    afterAll(async () => handle?.close());

    it('grants: anon nothing; authenticated exactly the listed table privileges and functions, no sequence', async () => {
      expect(await grantDifferences(handle.db, file.grants)).toEqual([]);
    });

    it('default privileges: a table, sequence or function added later is granted to neither API role', async () => {
      expect(await defaultPrivilegeDifferences(handle.db)).toEqual([]);
    });

    it('covers every table x operation x actor and every callable function', async () => {
      const { tables, functions } = await publicObjects(handle.db);
      const missing: string[] = [];
      for (const table of tables)
        for (const op of OPERATIONS)
          for (const actor of ACTORS)
            if (!file.cases.some((c) => c.table === table && c.op === op && c.role === actor))
              missing.push(`${actor} ${op} ${table}`);
      for (const fn of functions)
        if (!file.scenarios.some((s) => s.function === fn && s.allowed)) missing.push(`function ${fn}`);
      expect(missing).toEqual([]);
    });

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      expect(await runMatrixCase(handle.db, fx, c)).toBe(c.expect);
    });
  });
}

const FINDINGS = [1, 2, 3, 4, 5, 6, 7];

/**
 * Issue 15's seven findings, each shown to fail and then to pass on the same data: a database
 * migrated up to the strict migration (`open(setup)` with beforeStrict) is seeded, the cases
 * marked `finding: N` replayed (every finding must have a case that deviates), then the remaining
 * migrations run over that data (player names already stored are moved too) and every finding
 * case must pass.
 */
export function describeRlsFindings(
  engine: string,
  open: (setup: GrantSetup) => Promise<OpenDatabase>,
): void {
  const findingCases = loadRlsMatrix().filter((c) => c.finding !== undefined);

  describe.each(GRANT_SETUPS)(`issue 15 findings on ${engine}, %s grants`, (setup) => {
    let handle: OpenDatabase;
    let fx: RlsFixture;
    let before: Awaited<ReturnType<typeof matrixDeviations>>;
    let defaultsBefore: string[];
    beforeAll(async () => {
      handle = await open(setup);
      fx = await seedRlsFixture(handle.db);
      before = await matrixDeviations(handle.db, fx, findingCases);
      defaultsBefore = await defaultPrivilegeDifferences(handle.db);
      await migrate(handle.db);
    }, 180_000);
    afterAll(async () => handle?.close());

    it('before 0013, every finding has a case that fails', () => {
      const failing = new Set(before.map((d) => findingCases.find((c) => c.name === d.name)!.finding));
      expect(FINDINGS.filter((f) => !failing.has(f))).toEqual([]);
    });

    it('after 0013 over the same data, every finding case passes', async () => {
      expect(await matrixDeviations(handle.db, fx, findingCases)).toEqual([]);
    });

    it("finding 7's default privileges: open before 0013, closed after", async () => {
      expect(defaultsBefore).not.toEqual([]);
      expect(await defaultPrivilegeDifferences(handle.db)).toEqual([]);
    });
  });
}
