import { rlsPostgres } from '../support/rls-databases.js';
import { describeRlsFindings } from '../support/rls-suite.js';

describeRlsFindings('PostgreSQL', async (setup) => {
  const pg = await rlsPostgres(setup, { beforeStrict: true });
  return { db: pg.database, close: () => pg.drop() };
});
