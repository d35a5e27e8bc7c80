// RLS of patient_mvc_baselines on a freshly migrated PostgreSQL database (the suite:
// test/e2e/mvc-baseline-rls.suite.ts).
import { createTestPostgres } from '../support/postgres.js';
import { describeMvcBaselineRls } from '../e2e/mvc-baseline-rls.suite.js';

describeMvcBaselineRls('PostgreSQL', async () => {
  const pg = await createTestPostgres();
  return { database: pg.database, close: () => pg.drop() };
});
