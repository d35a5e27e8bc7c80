// Service reasons as application_name on a freshly migrated PostgreSQL database (the suite:
// test/e2e/service-reason.suite.ts).
import { createTestPostgres } from '../support/postgres.js';
import { describeServiceReason } from '../e2e/service-reason.suite.js';

describeServiceReason(
  'PostgreSQL',
  async () => {
    const pg = await createTestPostgres();
    return { database: pg.database, close: () => pg.drop() };
  },
  true,
);
