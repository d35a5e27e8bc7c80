import { rlsPglite } from '../support/rls-databases.js';
import { describeRlsFindings } from '../support/rls-suite.js';

describeRlsFindings('PGlite', async (setup) => {
  const db = await rlsPglite(setup, { beforeStrict: true });
  return { db, close: () => db.close() };
});
