import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { unzipSync, strFromU8 } from 'fflate';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migratedPglite } from '../support/pglite-snapshot.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'exports-restart-e2e-secret-with-32-chars';
const BUCKET = 'c3d-examples';

describe('a cohort export cut short by a stop is run again at the next start', () => {
  let t: TestApp;
  let researcher: TestUser;
  let exportId: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'exports-restart-'));
  const partsDir = () => join(dataDir, 'storage', t.config.env.STORAGE_BUCKET, 'exports', exportId);

  beforeAll(async () => {
    // The state a stopped worker leaves: the export is "running" and two parts of it are stored.
    const database = await migratedPglite();
    researcher = await createUser(database, 'researcher');
    const row = await database.kysely
      .insertInto('export_history' as never)
      .values({
        exported_by: researcher.id,
        exported_by_role: 'researcher',
        scope: 'cohort',
        export_format: 'json',
        export_config: JSON.stringify({ status: 'completed' }),
        pseudonymised: true,
        status: 'running',
        sessions_total: 0,
        counts: JSON.stringify({ parts_written: 2 }),
      } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow();
    exportId = (row as { id: string }).id;
    const leftovers = join(dataDir, 'storage', BUCKET, 'exports', exportId);
    mkdirSync(leftovers, { recursive: true });
    writeFileSync(join(leftovers, 'part-00001'), 'stale bytes of the interrupted run');
    writeFileSync(join(leftovers, 'part-00002'), 'stale bytes of the interrupted run');
    t = await createTestApp({ JWT_SECRET: SECRET, DATA_DIR: dataDir, STORAGE_BUCKET: BUCKET }, { database });
  });
  afterAll(async () => t.close());

  it('completes with a fresh artifact; the parts of the interrupted run are gone', async () => {
    const headers = bearer(await signHs256(SECRET, supabaseClaims(researcher)));
    let job: { status: string; download_url: string | null } = { status: 'running', download_url: null };
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      job = (await t.app.inject({ method: 'GET', url: `/exports/${exportId}`, headers })).json();
      if (job.status === 'completed' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(job.status).toBe('completed');
    expect(existsSync(join(partsDir(), 'part-00001'))).toBe(true);
    expect(existsSync(join(partsDir(), 'part-00002'))).toBe(false);
    const zip = await t.app.inject({ method: 'GET', url: job.download_url!, headers });
    const doc = JSON.parse(strFromU8(unzipSync(new Uint8Array(zip.rawPayload))['export.json']!)) as {
      export: { id: string };
      sessions: unknown[];
    };
    expect(doc.export.id).toBe(exportId);
    expect(doc.sessions).toEqual([]);
  });
});
