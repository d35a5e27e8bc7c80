import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Database } from '../../src/infrastructure/database/database.js';
import { GRANT_SETUPS, type GrantSetup } from './rls-databases.js';
import { ACTORS, type RlsFixture, seedRlsFixture } from './rls-fixture.js';
import { defaultPrivilegeDifferences, grantDifferences, publicObjects } from './rls-grants.js';
import { loadRlsMatrix, loadRlsMatrixFile, runMatrixCase } from './rls-runner.js';

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
