import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type DirectReadsFixture,
  DIRECT_READ_CASES,
  FILE_NAME,
  seedDirectReads,
} from '../support/client-direct-reads.js';
import { asClient, run, sessionsWithScores } from '../support/postgrest-sql.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, signHs256, supabaseClaims } from '../support/tokens.js';

const SECRET = 'client-direct-reads-e2e-secret-32-chars!';
const UPLOADED = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';

describe('the original client’s direct Supabase reads and writes, on PGlite', () => {
  let t: TestApp;
  let fx: DirectReadsFixture;
  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    fx = await seedDirectReads(t.database, t.config.env.STORAGE_BUCKET);
  });
  afterAll(async () => t.close());

  it.each(DIRECT_READ_CASES)('%s', async (_name, check) => {
    await check(t.database, fx);
  });

  describe('file_path of an upload through POST /sessions', () => {
    const upload = async (name: string, content: Buffer) => {
      const body = multipart({ name, content }, { patient_code: fx.mine.code });
      const headers = bearer(await signHs256(SECRET, supabaseClaims(fx.therapist)));
      const res = await t.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
      return { res, headers };
    };

    it('is <bucket>/<patient code>/<original file name>, the path the client lists and joins on', async () => {
      expect(fx.mine.code).toBe('P001');
      expect(t.config.env.STORAGE_BUCKET).toBe('c3d-examples');
      const { res, headers } = await upload(UPLOADED, ghostly(UPLOADED));
      expect(res.statusCode).toBe(202);
      const code: string = res.json().session_code;
      expect((await waitForSession(t, headers, code)).status).toBe('completed');

      const listed = `c3d-examples/P001/${UPLOADED}`;
      const read = await asClient(t.database, fx.therapist, (trx) => run(trx, sessionsWithScores([listed])));
      expect(read.body).toHaveLength(1);
      expect(read.body[0]).toMatchObject({ session_code: code, file_path: listed });
      expect(read.body[0]!.performance_scores).toMatchObject({ overall_score: expect.any(Number) });
      // another therapist's client finds nothing under that path
      const other = await asClient(t.database, fx.other, (trx) => run(trx, sessionsWithScores([listed])));
      expect(other.page_total).toBe(0);

      const again = await upload(UPLOADED, ghostly(UPLOADED));
      expect(again.res.json()).toMatchObject({ session_code: code, duplicate: true });
    });

    it('numbers a second, different file of the same name instead of overwriting the first', async () => {
      // the fixture already has a session stored at c3d-examples/P001/<FILE_NAME>
      const { res } = await upload(FILE_NAME, ghostly(FILE_NAME));
      expect(res.statusCode).toBe(202);
      const stem = FILE_NAME.replace(/\.c3d$/, '');
      const row = await t.database.kysely
        .selectFrom('therapy_sessions')
        .select('file_path')
        .where('session_code', '=', res.json().session_code)
        .executeTakeFirstOrThrow();
      expect(row.file_path).toBe(`c3d-examples/P001/${stem} (2).c3d`);
    });
  });
});
