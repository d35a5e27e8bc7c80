import { rlsPostgres } from '../support/rls-databases.js';
import { describeRlsMatrix } from '../support/rls-suite.js';

describeRlsMatrix('PostgreSQL', async (setup) => {
  const pg = await rlsPostgres(setup);
  return { db: pg.database, close: () => pg.drop() };
});
