import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';
import { migratedPglite } from '../support/pglite-snapshot.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'hardening-uploads-jwt-secret-0123456789';
const FILE = 'Ghostly_Emg_20250310_11-46-23-0823.c3d';
const BYTES = ghostly(FILE);
/** The upload limit is this file's size: one byte more is over it. */
const LIMIT = BYTES.length;
/** The first 40 % of the recording, as a copy that stopped halfway leaves it. */
const CUT = BYTES.subarray(0, Math.floor(BYTES.length * 0.4));
const UNFINALISED = readFileSync(
  join(process.cwd(), 'test/fixtures/c3d/ok/ghostly-unfinalised-truncated.c3d'),
);

interface Ctx {
  t: TestApp;
  therapist: TestUser;
  patientCode: string;
  headers: () => Promise<Record<string, string>>;
}

async function setUp(env: Record<string, string>, options: Parameters<typeof createTestApp>[1] = {}) {
  const t = await createTestApp({ JWT_SECRET: SECRET, ...env }, options);
  const therapist = await createUser(t.database, 'therapist');
  const headers = async () => bearer(await signHs256(SECRET, supabaseClaims(therapist)));
  const p = await t.app.inject({ method: 'POST', url: '/patients', headers: await headers(), payload: {} });
  return { t, therapist, patientCode: p.json().patient_code as string, headers } satisfies Ctx;
}

function upload(c: Ctx, name: string, content: Uint8Array, patientCode = c.patientCode) {
  return c.headers().then((h) => {
    const form = multipart({ name, content }, { patient_code: patientCode });
    return c.t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...h, ...form.headers },
      payload: form.payload,
    });
  });
}

const tempFiles = (t: TestApp) => readdirSync(join(t.dataDir, 'upload-tmp'));
const sessionCount = async (t: TestApp) =>
  (await t.database.kysely.selectFrom('therapy_sessions').select('id').execute()).length;

describe('POST /sessions streams the file: limit while it arrives, nothing left behind', () => {
  let c: Ctx;
  beforeAll(async () => {
    c = await setUp({ MAX_UPLOAD_BYTES: String(LIMIT) });
  });
  afterAll(async () => c.t.close());

  it('refuses a file one byte over MAX_UPLOAD_BYTES with 413, no session, no temporary file', async () => {
    const before = await sessionCount(c.t);
    const res = await upload(c, 'over.c3d', Buffer.concat([BYTES, Buffer.from([0])]));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('payload_too_large');
    expect(await sessionCount(c.t)).toBe(before);
    expect(tempFiles(c.t)).toEqual([]);
  });

  it('near miss: accepts a file of exactly MAX_UPLOAD_BYTES, stores the same bytes, removes the temporary file', async () => {
    const res = await upload(c, FILE, BYTES);
    expect(res.statusCode).toBe(202);
    expect(tempFiles(c.t)).toEqual([]);
    const row = await c.t.database.kysely
      .selectFrom('therapy_sessions')
      .select(['file_path', 'file_size_bytes', 'file_hash'])
      .where('session_code', '=', res.json().session_code)
      .executeTakeFirstOrThrow();
    expect(Number(row.file_size_bytes)).toBe(LIMIT);
    const stored = readFileSync(join(c.t.dataDir, 'storage', row.file_path));
    expect(Buffer.compare(stored, BYTES)).toBe(0);
    const { createHash } = await import('node:crypto');
    expect(row.file_hash).toBe(createHash('sha256').update(BYTES).digest('hex'));
    // the same file again is the same session
    const again = await upload(c, FILE, BYTES);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, session_code: res.json().session_code });
  });

  it('removes the temporary file when the upload is refused after it arrived', async () => {
    const text = Buffer.from('not a C3D file\n'.repeat(100));
    expect((await upload(c, 'text.c3d', text)).statusCode).toBe(422);
    expect((await upload(c, FILE, BYTES, 'P999')).statusCode).toBe(404);
    expect((await upload(c, 'x.txt', BYTES)).statusCode).toBe(422);
    expect(tempFiles(c.t)).toEqual([]);
  });
});

describe('cut-off recordings (TRUNCATED_FILES=score, the default)', () => {
  let c: Ctx;
  beforeAll(async () => {
    c = await setUp({});
  });
  afterAll(async () => c.t.close());

  const views = async (code: string) => {
    const h = await c.headers();
    const get = (url: string) => c.t.app.inject({ method: 'GET', url, headers: h }).then((r) => r.json());
    return {
      detail: await get(`/sessions/${code}`),
      status: await get(`/sessions/${code}/status`),
      webhook: await get(`/webhooks/storage/status/${code}`),
    };
  };

  it('marks a session scored on a cut-off file quality "truncated" with a top-level warning everywhere', async () => {
    for (const [name, bytes] of [
      ['cut-40.c3d', CUT],
      ['unfinalised.c3d', UNFINALISED],
    ] as const) {
      const res = await upload(c, name, bytes);
      expect(res.statusCode).toBe(202);
      const code = res.json().session_code;
      expect((await waitForSession(c.t, await c.headers(), code)).status).toBe('completed');
      for (const body of Object.values(await views(code))) {
        expect(body).toMatchObject({
          quality: 'truncated',
          warnings: [{ code: 'truncated_recording', message: expect.stringMatching(/cut off/) }],
        });
      }
    }
  });

  it('near miss: the whole recording is quality "complete" without warnings', async () => {
    const res = await upload(c, FILE, BYTES);
    const code = res.json().session_code;
    expect((await waitForSession(c.t, await c.headers(), code)).status).toBe('completed');
    for (const body of Object.values(await views(code))) {
      expect(body).toMatchObject({ quality: 'complete', warnings: [] });
    }
  });

  it('has no quality before a result exists', async () => {
    const row = await c.t.database.kysely
      .selectFrom('therapy_sessions')
      .select('session_code')
      .limit(1)
      .executeTakeFirstOrThrow();
    await c.t.database.kysely
      .updateTable('therapy_sessions')
      .set({ processing_status: 'failed', result_version: 0 })
      .where('session_code', '=', row.session_code)
      .execute();
    expect((await views(row.session_code)).status).toMatchObject({ quality: null, warnings: [] });
  });
});

describe('cut-off recordings with TRUNCATED_FILES=reject', () => {
  it('refuses them at upload (422 truncated_file, no session) and fails a reprocessed one', async () => {
    const database = await migratedPglite();
    const scoring = await setUp({}, { database });
    const earlier = await upload(scoring, 'cut-before.c3d', CUT);
    const earlierCode = earlier.json().session_code;
    expect((await waitForSession(scoring.t, await scoring.headers(), earlierCode)).status).toBe('completed');
    // the same database and files, the other policy (closing the first app closes the database)
    const t = await createTestApp(
      { JWT_SECRET: SECRET, DATA_DIR: scoring.t.dataDir, TRUNCATED_FILES: 'reject' },
      { database },
    );
    const c: Ctx = { ...scoring, t };
    try {
      const before = await sessionCount(t);
      for (const bytes of [CUT, UNFINALISED]) {
        const res = await upload(c, 'cut.c3d', bytes);
        expect(res.statusCode).toBe(422);
        expect(res.json().error).toBe('truncated_file');
      }
      expect(await sessionCount(t)).toBe(before);
      // near miss: the whole file is accepted
      expect((await upload(c, FILE, BYTES)).statusCode).toBe(202);
      // a session scored under the old policy fails when processed again
      const again = await t.app.inject({
        method: 'POST',
        url: `/sessions/${earlierCode}/reprocess`,
        headers: await c.headers(),
        payload: {},
      });
      expect(again.statusCode).toBe(202);
      const done = await waitForSession(t, await c.headers(), earlierCode);
      expect(done).toMatchObject({ status: 'failed', error_code: 'truncated_file' });
    } finally {
      await t.close();
      await scoring.t.close();
    }
  });
});
