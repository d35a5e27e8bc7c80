// Service reasons as application_name on PGlite (the suite: service-reason.suite.ts).
import { migratedPglite } from '../support/pglite-snapshot.js';
import { describeServiceReason } from './service-reason.suite.js';

describeServiceReason(
  'PGlite',
  async () => {
    const database = await migratedPglite();
    return { database, close: () => database.close() };
  },
  false,
);
