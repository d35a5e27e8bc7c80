import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { unzipSync, strFromU8 } from 'fflate';
import { DbContext } from '../../src/infrastructure/database/db-context.js';
import { parseCsv } from '../../src/exports/tables/csv.js';
import type { TestApp } from '../support/test-app.js';
import type { TestUser } from '../support/tokens.js';
import { ExportsFixture, FIRST_NAME, LAST_NAME, PLAYER } from './exports.fixture.js';

const SECRET = 'exports-records-e2e-secret-with-32-chars';

describe('exports of a session and of a patient (embedded)', () => {
  const f = new ExportsFixture(SECRET);
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let researcher: TestUser;
  let admin: TestUser;
  let patientCode: string;
  let patientId: string;
  const sessionCodes = f.sessionCodes;
  const { get, db } = f;

  beforeAll(async () => {
    await f.setup();
    ({ t, alice, bob, researcher, admin, patientCode, patientId } = f);
  });
  afterAll(async () => f.close());
  const { stored } = f;

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

  it("channels carry the session's target muscle: named channels in CSV and JSON, empty otherwise", async () => {
    const [mapped, unmapped] = sessionCodes;
    const put = await f.t.app.inject({
      method: 'PUT',
      url: `/sessions/${mapped}/muscles`,
      headers: await f.auth(alice),
      payload: { channel_muscle_mapping: { CH1: 'Left Quadriceps' } },
    });
    expect(put.statusCode).toBe(200);
    const rows = parseCsv(
      (await get(alice, `/patients/${patientCode}/export?format=csv&table=channels`)).body,
    );
    const at = (name: string) => rows[0]!.indexOf(name);
    expect(rows.slice(1).map((r) => [r[0], r[at('channel')], r[at('target_muscle')]])).toEqual([
      [mapped, 'CH1', 'Left Quadriceps'],
      [mapped, 'CH2', ''],
      [unmapped, 'CH1', ''],
      [unmapped, 'CH2', ''],
    ]);
    const doc = (await get(alice, `/sessions/${mapped}/export`)).json<{
      sessions: { channels: { channel: string; target_muscle: string | null }[] }[];
    }>();
    expect(doc.sessions[0]!.channels.map((c) => [c.channel, c.target_muscle])).toEqual([
      ['CH1', 'Left Quadriceps'],
      ['CH2', null],
    ]);
    await f.t.app.inject({
      method: 'PUT',
      url: `/sessions/${mapped}/muscles`,
      headers: await f.auth(alice),
      payload: { channel_muscle_mapping: null },
    });
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
});
