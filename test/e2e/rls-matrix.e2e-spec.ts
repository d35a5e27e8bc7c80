import { rlsPglite } from '../support/rls-databases.js';
import { describeRlsMatrix } from '../support/rls-suite.js';

describeRlsMatrix('PGlite', async (setup) => {
  const db = await rlsPglite(setup);
  return { db, close: () => db.close() };
});
