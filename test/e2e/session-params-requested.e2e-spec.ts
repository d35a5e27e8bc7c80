import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { defaultMigrationsDir, migrate } from '../../src/infrastructure/database/migrator.js';
import { PgliteDatabase } from '../../src/infrastructure/database/pglite-database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { BAD_INPUT_DIR, ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'session-params-requested-e2e-secret-32ch';
const FILE = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';

// therapy_sessions keeps a session's request (requested_analysis_params, migration 0017) apart
// from what its analysis used (analysis_params, null until a run completes).
describe('requested and used analysis parameters', () => {
  let t: TestApp;
  let alice: TestUser;
  const auth = async () => bearer(await signHs256(SECRET, supabaseClaims(alice)));
  const row = (id: string) =>
    t.database.kysely
      .selectFrom('therapy_sessions')
      .select(['analysis_params', 'requested_analysis_params'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const detail = async (code: string) =>
    (await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth() })).json<{
      processing_parameters: Record<string, unknown>;
    }>();

  const upload = async (name: string, content: Buffer, fields: Record<string, string | number>) => {
    const p = await t.app.inject({ method: 'POST', url: '/patients', headers: await auth(), payload: {} });
    const body = multipart(
      { name, content },
      { patient_code: p.json<{ patient_code: string }>().patient_code, ...fields },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth()), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    return res.json<{ id: string; session_code: string }>();
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    alice = await createUser(t.database, 'therapist');
  });
  afterAll(async () => t.close());

  it('keeps the request as given and stores what the analysis used once it completed', async () => {
    const s = await upload(FILE, ghostly(FILE), {
      threshold_factor: 0.2,
      contraction_duration_threshold: 1500,
    });
    expect(await waitForSession(t, await auth(), s.session_code)).toMatchObject({ status: 'completed' });
    const first = await row(s.id);
    const requested = {
      processing_options: { threshold_factor: 0.2 },
      session_params: { contraction_duration_threshold: 1500 },
    };
    expect(first.requested_analysis_params).toEqual(requested);
    expect(first.analysis_params).toMatchObject({
      processing_options: { threshold_factor: 0.2, min_duration_ms: expect.any(Number) },
      session_params: requested.session_params,
    });
    // the answer shows the latest run's parameters, as before the split
    expect((await detail(s.session_code)).processing_parameters).toEqual(first.analysis_params);

    const re = await t.app.inject({
      method: 'POST',
      url: `/sessions/${s.session_code}/reprocess`,
      headers: await auth(),
      payload: { contraction_duration_threshold: 250 },
    });
    expect(re.statusCode).toBe(202);
    expect(await waitForSession(t, await auth(), s.session_code)).toMatchObject({ status: 'completed' });
    const second = await row(s.id);
    // a reprocess asks the new value over the latest run's parameters; the job never writes the request
    expect(second.requested_analysis_params).toEqual({
      processing_options: first.analysis_params!.processing_options,
      session_params: { contraction_duration_threshold: 250 },
    });
    expect(second.analysis_params!.session_params).toEqual({ contraction_duration_threshold: 250 });
  });

  it('leaves analysis_params null while no run has completed, and answers with the request', async () => {
    const name = 'no-emg-channels.c3d';
    const s = await upload(name, readFileSync(join(BAD_INPUT_DIR, name)), { threshold_factor: 0.3 });
    expect(await waitForSession(t, await auth(), s.session_code)).toMatchObject({ status: 'failed' });
    const stored = await row(s.id);
    expect(stored.analysis_params).toBeNull();
    expect(stored.requested_analysis_params).toEqual({ processing_options: { threshold_factor: 0.3 } });
    expect((await detail(s.session_code)).processing_parameters).toEqual(stored.requested_analysis_params);
  });
});

describe('migration 0017 on sessions stored before it', () => {
  let db: PgliteDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
    dir = mkdtempSync(join(tmpdir(), 'emg-0017-'));
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f >= '0017') rmSync(join(dir, f));
    await migrate(db, dir);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves the request to requested_analysis_params and keeps analysis_params of completed sessions only', async () => {
    const { rows: users } = await sql<{
      id: string;
    }>`insert into auth.users (email) values ('t@x') returning id`.execute(db.kysely);
    await sql`insert into public.user_profiles (id, role) values (${users[0]!.id}, 'therapist')`.execute(
      db.kysely,
    );
    const { rows: patients } = await sql<{ id: string }>`
      insert into public.patients (therapist_id) values (${users[0]!.id}) returning id`.execute(db.kysely);
    const patient = patients[0]!.id;
    const used = { processing_options: { threshold_factor: 0.1 }, session_params: { x: 1 } };
    const asked = { processing_options: { threshold_factor: 0.4 }, session_params: {} };
    await sql`
      insert into public.therapy_sessions
        (session_code, patient_id, file_path, file_hash, file_size_bytes, processing_status, result_version, analysis_params)
      values
        ('P0001S001', ${patient}, 'b/a.c3d', repeat('a', 64), 1, 'completed', 1, ${JSON.stringify(used)}::jsonb),
        ('P0001S002', ${patient}, 'b/b.c3d', repeat('b', 64), 1, 'failed', 0, ${JSON.stringify(asked)}::jsonb),
        ('P0001S003', ${patient}, 'b/c.c3d', repeat('c', 64), 1, 'queued', 1, ${JSON.stringify(asked)}::jsonb)`.execute(
      db.kysely,
    );
    // 0017 first, then any later migration
    expect((await migrate(db))[0]).toBe('0017_analysis_params_requested.sql');
    const { rows } = await sql<{
      session_code: string;
      analysis_params: unknown;
      requested_analysis_params: unknown;
    }>`select session_code, analysis_params, requested_analysis_params from public.therapy_sessions
       order by session_code`.execute(db.kysely);
    expect(rows).toEqual([
      { session_code: 'P0001S001', analysis_params: used, requested_analysis_params: used },
      { session_code: 'P0001S002', analysis_params: null, requested_analysis_params: asked },
      { session_code: 'P0001S003', analysis_params: null, requested_analysis_params: asked },
    ]);
  });
});
