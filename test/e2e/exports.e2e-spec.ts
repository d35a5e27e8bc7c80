import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkBidsDataset } from '@app/bids';
import { unzipSync, strFromU8 } from 'fflate';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ExportTuning } from '../../src/exports/export-tuning.js';
import { DbContext } from '../../src/infrastructure/database/db-context.js';
import { parseCsv } from '../../src/exports/tables/csv.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'exports-e2e-secret-with-at-least-32-chars!';
const FILES = ['Ghostly_Emg_20230321_17-23-09-0409.c3d', 'Ghostly_Emg_20250310_11-50-16-0578.c3d'];
const FIRST_NAME = 'Zebediah';
const LAST_NAME = 'Quixotewell';
const PLAYER = 'Philomena Gruntbuckle';

interface ExportJob {
  id: string;
  status: string;
  progress: number;
  download_url: string | null;
  sessions_total: number;
  sessions_exported: number;
  counts: Record<string, number>;
  error_code: string | null;
  pseudonymised: boolean;
}

describe('exports: session, patient and cohort (embedded)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let researcher: TestUser;
  let admin: TestUser;
  let patientCode: string;
  let patientId: string;
  const sessionCodes: string[] = [];
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const get = async (u: TestUser, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await auth(u) });
  const db = () => t.database.kysely;

  beforeAll(async () => {
    // Small parts and pages, so that a two-session export spans several of each.
    t = await createTestApp(
      { JWT_SECRET: SECRET },
      { overrides: [{ provide: ExportTuning, useValue: { partBytes: 16 * 1024, pageSize: 1 } }] },
    );
    alice = await createUser(t.database, 'therapist');
    bob = await createUser(t.database, 'therapist');
    researcher = await createUser(t.database, 'researcher');
    admin = await createUser(t.database, 'admin');
    const p = await t.app.inject({
      method: 'POST',
      url: '/patients',
      headers: await auth(alice),
      payload: {},
    });
    patientCode = p.json<{ patient_code: string }>().patient_code;
    patientId = (
      await db()
        .selectFrom('patients')
        .select('id')
        .where('patient_code', '=', patientCode)
        .executeTakeFirstOrThrow()
    ).id;
    await db()
      .insertInto('patient_medical_info')
      .values({
        patient_id: patientId,
        first_name: FIRST_NAME,
        last_name: LAST_NAME,
        date_of_birth: '1950-01-02',
        gender: 'F',
        created_by: alice.id,
      } as never)
      .execute();
    for (const file of FILES) {
      const body = multipart({ name: file, content: ghostly(file) }, { patient_code: patientCode });
      const res = await t.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { ...(await auth(alice)), ...body.headers },
        payload: body.payload,
      });
      const code = res.json<{ session_code: string }>().session_code;
      expect((await waitForSession(t, await auth(alice), code)).status).toBe('completed');
      sessionCodes.push(code);
    }
    // The game writes the player's name into the file; a clinic may type a real one.
    await db()
      .updateTable('therapy_sessions')
      .set({
        game_metadata: JSON.stringify({ game_name: 'Ghostly', player_name: PLAYER, therapist_id: 'T-Mary' }),
      })
      .where('session_code', '=', sessionCodes[1]!)
      .execute();
  });
  afterAll(async () => t.close());

  const stored = async (code: string) => {
    const s = await db()
      .selectFrom('therapy_sessions')
      .select('id')
      .where('session_code', '=', code)
      .executeTakeFirstOrThrow();
    const stats = await db()
      .selectFrom('emg_statistics')
      .selectAll()
      .where('session_id', '=', s.id)
      .orderBy('channel_name')
      .execute();
    const contractions = await db()
      .selectFrom('contractions')
      .selectAll()
      .where('session_id', '=', s.id)
      .orderBy('channel_name')
      .orderBy('idx')
      .execute();
    const scores = await db()
      .selectFrom('performance_scores')
      .selectAll()
      .where('session_id', '=', s.id)
      .executeTakeFirstOrThrow();
    return { stats, contractions, scores };
  };

  it('JSON of a session round-trips the stored statistics, contractions and scores exactly', async () => {
    const code = sessionCodes[0]!;
    const res = await get(alice, `/sessions/${code}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="session-${code}.json"`);
    const doc = res.json<{ export: Record<string, unknown>; sessions: Record<string, unknown>[] }>();
    expect(doc.export).toMatchObject({ scope: 'session', format: 'json', pseudonymised: false });
    expect(doc.sessions).toHaveLength(1);
    const s = doc.sessions[0]! as Record<string, unknown> & {
      channels: Record<string, unknown>[];
      contractions: Record<string, unknown>[];
    };
    const want = await stored(code);
    expect(s.session_code).toBe(code);
    expect(s.patient_code).toBe(patientCode);
    for (const k of [
      'overall_score',
      'compliance_score',
      'symmetry_score',
      'effort_score',
      'left_muscle_compliance',
    ] as const)
      expect(s[k]).toBe(want.scores[k]);
    expect(s.channels.map((c) => c.channel)).toEqual(want.stats.map((x) => x.channel_name));
    for (const [i, c] of s.channels.entries()) {
      const w = want.stats[i]!;
      for (const k of [
        'rms',
        'mav',
        'mpf',
        'mdf',
        'mvc_value',
        'mvc75_threshold',
        'total_contractions',
        'good_contractions',
      ] as const)
        expect(c[k]).toBe(w[k]);
    }
    expect(s.contractions).toHaveLength(want.contractions.length);
    want.contractions.forEach((w, i) => {
      expect(s.contractions[i]).toMatchObject({
        channel: w.channel_name,
        idx: w.idx,
        start_time_ms: w.start_time_ms,
        duration_ms: w.duration_ms,
        max_amplitude: w.max_amplitude,
        meets_mvc: w.meets_mvc,
        is_good: w.is_good,
      });
    });
  });

  it('CSV of a patient is a ZIP of three tables whose numbers read back as the stored float8 values', async () => {
    const res = await get(alice, `/patients/${patientCode}/export?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'channels.csv',
      'contractions.csv',
      'sessions.csv',
    ]);
    expect(strFromU8(files['README.txt']!)).toContain('rms [V]: Root mean square');
    const sessions = parseCsv(strFromU8(files['sessions.csv']!));
    expect(sessions[0]![0]).toBe('session_code');
    expect(sessions.slice(1).map((r) => r[0])).toEqual(sessionCodes);
    const channels = parseCsv(strFromU8(files['channels.csv']!));
    const contractions = parseCsv(strFromU8(files['contractions.csv']!));
    const col = (rows: string[][], name: string) => rows[0]!.indexOf(name);
    for (const code of sessionCodes) {
      const want = await stored(code);
      const rows = channels.filter((r) => r[0] === code);
      expect(rows).toHaveLength(want.stats.length);
      rows.forEach((r, i) => {
        expect(Number(r[col(channels, 'rms')])).toBe(want.stats[i]!.rms);
        expect(Number(r[col(channels, 'mvc75_threshold')])).toBe(want.stats[i]!.mvc75_threshold);
        expect(Number(r[col(channels, 'fatigue_index')])).toBe(want.stats[i]!.fatigue_index);
      });
      const cs = contractions.filter((r) => r[0] === code);
      expect(cs).toHaveLength(want.contractions.length);
      cs.forEach((r, i) => {
        expect(Number(r[col(contractions, 'mean_amplitude')])).toBe(want.contractions[i]!.mean_amplitude);
        expect(r[col(contractions, 'is_good')]).toBe(String(want.contractions[i]!.is_good));
      });
      const srow = sessions.find((r) => r[0] === code)!;
      expect(Number(srow[col(sessions, 'overall_score')])).toBe(want.scores.overall_score);
    }
  });

  it('table= answers one table as text/csv', async () => {
    const res = await get(alice, `/sessions/${sessionCodes[0]}/export?format=csv&table=contractions`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parseCsv(res.body);
    expect(rows[0]!.slice(0, 4)).toEqual(['session_code', 'channel', 'idx', 'start_time_ms']);
    expect(rows.length - 1).toBe((await stored(sessionCodes[0]!)).contractions.length);
    expect((await get(alice, `/sessions/${sessionCodes[0]}/export?format=csv&table=bogus`)).statusCode).toBe(
      400,
    );
    expect((await get(alice, `/sessions/${sessionCodes[0]}/export?format=bids`)).statusCode).toBe(400);
  });

  it('not completed -> 409 not_ready; another therapist -> 404; unknown -> 404', async () => {
    await db()
      .insertInto('therapy_sessions')
      .values({
        session_code: `${patientCode}S099`,
        patient_id: patientId,
        file_path: 'c3d-examples/x.c3d',
        file_hash: 'a'.repeat(64),
        file_size_bytes: 10,
        processing_status: 'queued',
      } as never)
      .execute();
    const queued = await get(alice, `/sessions/${patientCode}S099/export`);
    expect(queued.statusCode).toBe(409);
    expect(queued.json()).toMatchObject({ error: 'not_ready' });
    expect((await get(bob, `/sessions/${sessionCodes[0]}/export`)).statusCode).toBe(404);
    expect((await get(bob, `/patients/${patientCode}/export`)).statusCode).toBe(404);
    expect((await get(alice, `/sessions/P999S001/export`)).statusCode).toBe(404);
    // the patient export leaves the unfinished session out and says so
    const doc = (await get(alice, `/patients/${patientCode}/export`)).json<{
      sessions: { session_code: string }[];
    }>();
    expect(doc.sessions.map((s) => s.session_code)).toEqual(sessionCodes);
  });

  it('researchers get pseudonymised exports only: no names, codes or file names anywhere', async () => {
    expect((await get(researcher, `/patients/${patientCode}/export?pseudonymise=false`)).statusCode).toBe(
      403,
    );
    const bodies: string[] = [];
    for (const url of [
      `/patients/${patientCode}/export`,
      `/patients/${patientCode}/export?format=csv`,
      `/sessions/${sessionCodes[1]}/export?format=csv&table=sessions`,
    ]) {
      const res = await get(researcher, url);
      expect(res.statusCode).toBe(200);
      const raw = new Uint8Array(res.rawPayload);
      bodies.push(
        res.headers['content-type'] === 'application/zip'
          ? Object.values(unzipSync(raw))
              .map((u) => strFromU8(u))
              .join('\n')
          : res.body,
      );
      expect(res.headers['content-disposition']).not.toContain(patientCode);
    }
    for (const text of bodies) {
      for (const secret of [
        FIRST_NAME,
        LAST_NAME,
        PLAYER,
        'T-Mary',
        patientCode,
        'Ghostly_Emg_',
        '"player_name"',
      ])
        expect(text).not.toContain(secret);
      expect(text).toMatch(/p[0-9a-f]{12}/);
    }
    const doc = JSON.parse(bodies[0]!) as {
      export: { pseudonymised: boolean };
      sessions: { patient_code: string; session_code: string }[];
    };
    expect(doc.export.pseudonymised).toBe(true);
    // the file hash would link one export's pseudonyms to the next one's
    expect(doc.sessions.every((x) => (x as unknown as { file_hash: unknown }).file_hash === null)).toBe(true);
    // stable within one export, different in the next
    const [a, b] = doc.sessions;
    expect(a!.patient_code).toBe(b!.patient_code);
    expect(a!.session_code).toBe(`${a!.patient_code}S001`);
    const again = (await get(researcher, `/patients/${patientCode}/export`)).json<{
      sessions: { patient_code: string }[];
    }>();
    expect(again.sessions[0]!.patient_code).not.toBe(a!.patient_code);
    // a therapist may ask for pseudonyms too
    const asked = (await get(alice, `/patients/${patientCode}/export?pseudonymise=true`)).json<{
      sessions: { patient_code: string }[];
    }>();
    expect(asked.sessions[0]!.patient_code).toMatch(/^p[0-9a-f]{12}$/);
  });

  it('every export is recorded in export_history and audit_log; users read only their own', async () => {
    const mine = await db()
      .selectFrom('export_history' as never)
      .selectAll()
      .where('exported_by' as never, '=', researcher.id as never)
      .execute();
    expect(mine.length).toBeGreaterThanOrEqual(4);
    for (const r of mine as Record<string, unknown>[]) {
      expect(r.pseudonymised).toBe(true);
      expect(r.status).toBe('completed');
    }
    const audits = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('user_id', '=', researcher.id)
      .where('table_name', '=', 'export_history')
      .execute();
    expect(audits.length).toBe(mine.length);
    expect(audits.every((a) => a.action === 'export_completed')).toBe(true);
    // row-level security: researchers and admins read their own rows, therapists none (not even their own)
    const visible = async (u: TestUser) =>
      t.get(DbContext).asUser({ id: u.id, claims: {} }, (trx) =>
        trx
          .selectFrom('export_history' as never)
          .select('exported_by' as never)
          .execute(),
      );
    const own = (await visible(researcher)) as { exported_by: string }[];
    expect(own.length).toBe(mine.length);
    expect(own.every((r) => r.exported_by === researcher.id)).toBe(true);
    const therapistRows = await db()
      .selectFrom('export_history' as never)
      .selectAll()
      .where('exported_by' as never, '=', alice.id as never)
      .execute();
    expect(therapistRows.length).toBeGreaterThan(0);
    expect(await visible(alice)).toEqual([]);
    expect(await visible(admin)).toEqual([]);
  });

  const waitExport = async (u: TestUser, id: string): Promise<ExportJob> => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      const job = (await get(u, `/exports/${id}`)).json<ExportJob>();
      if (job.status === 'completed' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`export ${id} did not finish`);
  };
  const post = async (u: TestUser, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/exports', headers: await auth(u), payload });

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
