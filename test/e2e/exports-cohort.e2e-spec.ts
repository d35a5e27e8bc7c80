import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkBidsDataset } from '@app/bids';
import { unzipSync, strFromU8 } from 'fflate';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app.js';
import type { TestUser } from '../support/tokens.js';
import { ExportsFixture, FIRST_NAME, LAST_NAME, PLAYER, type ExportJob } from './exports.fixture.js';

const SECRET = 'exports-cohort-e2e-secret-with-32-chars!';

describe('cohort exports: queued jobs (embedded)', () => {
  const f = new ExportsFixture(SECRET);
  let t: TestApp;
  let alice: TestUser;
  let researcher: TestUser;
  let admin: TestUser;
  let patientCode: string;
  const sessionCodes = f.sessionCodes;
  const { get, db } = f;

  beforeAll(async () => {
    await f.setup();
    ({ t, alice, researcher, admin, patientCode } = f);
  });
  afterAll(async () => f.close());
  const { post, waitExport } = f;

  it('cohort export: queued job with progress, pseudonymised for researchers, download when done', async () => {
    expect((await post(alice, { format: 'csv' })).statusCode).toBe(403);
    expect((await post(researcher, { format: 'csv', pseudonymise: false })).statusCode).toBe(403);
    expect((await post(researcher, { format: 'csv', patient_codes: ['P999'] })).statusCode).toBe(404);
    const created = await post(researcher, { format: 'json', patient_codes: [patientCode.toLowerCase()] });
    expect(created.statusCode).toBe(202);
    const job = created.json<ExportJob>();
    expect(job).toMatchObject({
      status: 'queued',
      sessions_total: 2,
      pseudonymised: true,
      download_url: null,
    });
    const done = await waitExport(researcher, job.id);
    expect(done).toMatchObject({
      status: 'completed',
      progress: 100,
      sessions_exported: 2,
      download_url: `/exports/${job.id}/download`,
    });
    expect(done.counts).toMatchObject({ sessions: 2, channels: 4 });
    // another user's export does not exist for them
    expect((await get(admin, `/exports/${job.id}`)).statusCode).toBe(404);
    expect((await get(admin, `/exports/${job.id}/download`)).statusCode).toBe(404);
    const dl = await get(researcher, done.download_url!);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/zip');
    const text = strFromU8(unzipSync(new Uint8Array(dl.rawPayload))['export.json']!);
    for (const secret of [FIRST_NAME, LAST_NAME, PLAYER, patientCode, 'Ghostly_Emg_'])
      expect(text).not.toContain(secret);
    const doc = JSON.parse(text) as { sessions: { patient_code: string }[] };
    expect(new Set(doc.sessions.map((s) => s.patient_code)).size).toBe(1);

    // an admin may ask for patient codes
    const plain = await post(admin, { format: 'csv', pseudonymise: false, status: 'completed' });
    const plainDone = await waitExport(admin, plain.json<ExportJob>().id);
    expect(plainDone.status).toBe('completed');
    const zip = unzipSync(new Uint8Array((await get(admin, plainDone.download_url!)).rawPayload));
    expect(strFromU8(zip['sessions.csv']!)).toContain(sessionCodes[0]!);
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', job.id)
      .orderBy('timestamp')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['export_created', 'export_completed']);
  });

  it('cohort filters: date range, BIDS of completed sessions only, bad ranges refused', async () => {
    expect(
      (await post(researcher, { format: 'csv', from: '2030-01-02T00:00:00Z', to: '2030-01-01T00:00:00Z' }))
        .statusCode,
    ).toBe(400);
    expect((await post(researcher, { format: 'bids', status: 'failed' })).statusCode).toBe(400);
    expect((await post(researcher, { format: 'xlsx' })).statusCode).toBe(400);
    const future = await post(researcher, { format: 'json', from: '2099-01-01T00:00:00Z' });
    expect(future.json<ExportJob>().sessions_total).toBe(0);
    const empty = await waitExport(researcher, future.json<ExportJob>().id);
    expect(empty).toMatchObject({ status: 'completed', sessions_exported: 0 });
    const doc = JSON.parse(
      strFromU8(
        unzipSync(new Uint8Array((await get(researcher, empty.download_url!)).rawPayload))['export.json']!,
      ),
    ) as {
      sessions: unknown[];
    };
    expect(doc.sessions).toEqual([]);

    const bids = await post(admin, { format: 'bids', pseudonymise: false, patient_codes: [patientCode] });
    const done = await waitExport(admin, bids.json<ExportJob>().id);
    expect(done).toMatchObject({ status: 'completed', sessions_exported: 2 });
    const tree = new Map(
      Object.entries(unzipSync(new Uint8Array((await get(admin, done.download_url!)).rawPayload))),
    );
    expect(checkBidsDataset(tree)).toEqual([]);
    expect([...tree.keys()].filter((k) => k.endsWith('_emg.edf')).sort()).toEqual([
      `sub-${patientCode}/ses-001/emg/sub-${patientCode}_ses-001_task-ghostly_emg.edf`,
      `sub-${patientCode}/ses-002/emg/sub-${patientCode}_ses-002_task-ghostly_emg.edf`,
    ]);
    const events = strFromU8(
      tree.get(
        `derivatives/emg-c3d/sub-${patientCode}/ses-002/emg/sub-${patientCode}_ses-002_task-ghostly_events.json`,
      )!,
    );
    expect(events).not.toContain(PLAYER);
  });

  it('a cohort export that fails halfway is failed, with no download and no parts left', async () => {
    // the second session's file disappears from storage: the BIDS export fails on it
    const row = await db()
      .selectFrom('therapy_sessions')
      .select('file_path')
      .where('session_code', '=', sessionCodes[1]!)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('therapy_sessions')
      .set({ file_path: `${row.file_path}.gone` })
      .where('session_code', '=', sessionCodes[1]!)
      .execute();
    try {
      const created = await post(researcher, { format: 'bids', patient_codes: [patientCode] });
      const done = await waitExport(researcher, created.json<ExportJob>().id);
      expect(done).toMatchObject({
        status: 'failed',
        download_url: null,
        error_code: 'storage_object_not_found',
      });
      expect(done.progress).toBeLessThan(100);
      const dl = await get(researcher, `/exports/${done.id}/download`);
      expect(dl.statusCode).toBe(409);
      expect(dl.json()).toMatchObject({ error: 'not_ready' });
      const dir = join(t.dataDir, 'storage', t.config.env.STORAGE_BUCKET, 'exports', done.id);
      expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['action', 'changes'])
        .where('record_id', '=', done.id)
        .orderBy('timestamp')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['export_created', 'export_failed']);
      // the first session had been written (several parts) before the second failed
      expect((audit[1]!.changes as { parts_removed: number }).parts_removed).toBeGreaterThan(1);
    } finally {
      await db()
        .updateTable('therapy_sessions')
        .set({ file_path: row.file_path })
        .where('session_code', '=', sessionCodes[1]!)
        .execute();
    }
  });
});
