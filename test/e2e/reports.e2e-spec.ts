// Session and patient progress reports over HTTP: one SVG per channel with one shaded rectangle
// per stored contraction, the stored scores shown, nothing fetched from the network, RLS (another
// therapist 404), 409 not_ready, no PII for researchers (nor in any progress report), format
// negotiation, and 501 pdf_unavailable with how to enable it when Chromium is not installed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { sql } from 'kysely';
import { reportHtml } from '../../libs/cli/src/report.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'reports-e2e-secret-with-at-least-32-chars';
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
const SECOND = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';
const PLAYER = 'Quentin Zarkovsky';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
/** The SVG elements of one document, by their data-channel attribute. */
function channelSvgs(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<svg class="channel-plot" data-channel="([^"]+)"[\s\S]*?<\/svg>/g))
    out.set(m[1]!, m[0]);
  return out;
}

describe('reports (GET /sessions/{code}/report, GET /patients/{code}/report)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  let researcher: TestUser;
  let patientCode: string;
  let code: string;
  let busyCode: string;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const get = async (u: TestUser, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...(await auth(u)), ...headers } });
  const upload = async (name: string) => {
    const body = multipart({ name, content: ghostly(name) }, { patient_code: patientCode });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth(alice)), ...body.headers },
      payload: body.payload,
    });
    const c = res.json().session_code as string;
    expect((await waitForSession(t, await auth(alice), c)).status).toBe('completed');
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET, MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });
    alice = await createUser(t.database, 'therapist');
    bob = await createUser(t.database, 'therapist');
    admin = await createUser(t.database, 'admin');
    researcher = await createUser(t.database, 'researcher');
    patientCode = (
      await t.app.inject({ method: 'POST', url: '/patients', headers: await auth(alice), payload: {} })
    ).json().patient_code;
    const info = await get(alice, `/patients/${patientCode}/medical-info`);
    expect(info.statusCode).toBe(404);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/patients/${patientCode}/medical-info`,
      headers: await auth(alice),
      payload: { first_name: 'Ophelia', last_name: 'Wintergreen', date_of_birth: '1944-02-03', gender: 'F' },
    });
    expect(put.statusCode).toBe(200);
    code = await upload(FILE);
    busyCode = await upload(SECOND);
    // a distinctive player name, as a clinic may type a real one into the game (before any read: no cache yet)
    await sql`update therapy_sessions set game_metadata = jsonb_set(game_metadata, '{player_name}', ${JSON.stringify(PLAYER)}::jsonb) where session_code = ${code}`.execute(
      t.database.kysely,
    );
    await sql`update therapy_sessions set processing_status = 'processing' where session_code = ${busyCode}`.execute(
      t.database.kysely,
    );
  });
  afterAll(async () => t.close());

  it('serves a self-contained HTML report: one SVG per channel, one shaded rectangle per stored contraction', async () => {
    const res = await get(alice, `/sessions/${code}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${code}-report.html"`);
    const html = res.body;
    const detail = (await get(alice, `/sessions/${code}`)).json();
    const stored = detail.channels as {
      channel_name: string;
      total_contractions: number;
      good_contractions: number;
    }[];
    expect(stored.map((c) => c.channel_name)).toEqual(['CH1', 'CH2']);
    const svgs = channelSvgs(html);
    expect([...svgs.keys()]).toEqual(['CH1', 'CH2']);
    expect(count(html, /<svg class="channel-plot"/g)).toBe(2);
    for (const c of stored) {
      const svg = svgs.get(c.channel_name)!;
      expect(c.total_contractions).toBeGreaterThan(0);
      expect(count(svg, /<rect class="ctr ctr-/g)).toBe(c.total_contractions);
      expect(count(svg, /<rect class="ctr ctr-good"/g)).toBe(c.good_contractions);
      expect(svg).toContain('class="mvc-line"');
      expect(svg).toContain('duration rule ≥ 2.0 s');
      // the contraction table has the same rows
      const table = html.match(
        new RegExp(`<table class="contractions" data-channel="${c.channel_name}">[\\s\\S]*?</table>`),
      )![0];
      expect(count(table, /<tr class="ctr-row"/g)).toBe(c.total_contractions);
    }
    // 0881 has 18 + 8 contractions, none good: all "MVC only"
    expect(count(html, /<rect class="ctr ctr-mvc_only"/g)).toBe(26);
    // scores: the stored values, rounded as shown
    const s = detail.performance_scores;
    for (const [label, v] of [
      ['overall', s.overall_score],
      ['compliance', s.compliance_score],
      ['symmetry', s.symmetry_score],
      ['effort', s.effort_score],
    ] as const) {
      expect(html).toMatch(
        new RegExp(
          `data-score="${label}"><div class="label">[^<]+</div><div class="value">${(v as number).toFixed(1)}<`,
        ),
      );
    }
    expect(html).toContain('(0.5 × 61.1 + 0.25 × 90.9 + 0.25 × 100.0) / 1 = <b>78.3</b>');
    expect(html).toContain('Scoring configuration: GHOSTLY-TRIAL-DEFAULT.');
    expect(html).toContain(detail.file_hash);
    expect(html).toContain(FILE);
    expect(html).toMatch(/Generated \d{4}-\d\d-\d\dT[\d:.]+Z by emg-c3d-service \d+\.\d+\.\d+/);
    // nothing to fetch: no script, no external reference (the SVG namespace is a name, not a fetch)
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|\shref=|@import|url\(/i);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
    expect(html).toContain('@page');
  });

  it('draws the same plots from the stored session as emg-c3d report draws from the file', async () => {
    const stored = channelSvgs((await get(alice, `/sessions/${code}/report`)).body);
    const local = channelSvgs(reportHtml(join(process.cwd(), 'test/fixtures/ghostly', FILE)));
    expect([...stored.keys()]).toEqual([...local.keys()]);
    for (const [name, svg] of stored) expect(svg).toBe(local.get(name));
  });

  it("names the muscle beside each channel the session's mapping names", async () => {
    const setMuscles = async (mapping: Record<string, string> | null) =>
      t.app.inject({
        method: 'PUT',
        url: `/sessions/${code}/muscles`,
        headers: await auth(alice),
        payload: { channel_muscle_mapping: mapping },
      });
    const headings = (html: string) => [...html.matchAll(/<h3>(CH[^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(headings((await get(alice, `/sessions/${code}/report`)).body)).toEqual([
      'CH1',
      'CH2',
      'CH1',
      'CH2',
    ]);
    expect((await setMuscles({ CH1: 'Left Quadriceps' })).statusCode).toBe(200);
    const named = (await get(alice, `/sessions/${code}/report`)).body;
    expect(headings(named)).toEqual(['CH1 · Left Quadriceps', 'CH2', 'CH1 · Left Quadriceps', 'CH2']);
    expect(named).toContain('<th class="n">CH1 · Left Quadriceps</th>');
    expect((await setMuscles(null)).statusCode).toBe(200);
  });

  it('shows the player name to the therapist but never to a researcher', async () => {
    expect((await get(alice, `/sessions/${code}/report`)).body).toContain(PLAYER);
    const res = await get(researcher, `/sessions/${code}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(PLAYER);
    expect(res.body).not.toContain('Player name');
    expect(count(res.body, /<svg class="channel-plot"/g)).toBe(2);
  });

  it('answers 404 for another therapist and for an unknown session, 409 not_ready before completion', async () => {
    const other = await get(bob, `/sessions/${code}/report`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error).toBe('session_not_found');
    expect((await get(alice, `/sessions/P999S999/report`)).statusCode).toBe(404);
    expect((await get(admin, `/sessions/${code}/report`)).statusCode).toBe(200);
    const busy = await get(alice, `/sessions/${busyCode}/report`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ error: 'not_ready', details: { status: 'processing' } });
    expect(busy.json().detail).toContain('processing');
    expect((await t.app.inject({ method: 'GET', url: `/sessions/${code}/report` })).statusCode).toBe(401);
    expect((await get(alice, `/sessions/${code}/report?format=docx`)).statusCode).toBe(400);
  });

  it('draws the progress report with the trial targets, for code only (no name or medical information)', async () => {
    const res = await get(alice, `/patients/${patientCode}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    for (const chart of ['scores', 'contractions', 'mvc', 'adherence'])
      expect(html).toContain(`data-chart="${chart}"`);
    expect(html).toContain('data-target="target 12 contractions per muscle"');
    expect(count(html, /<tr class="session-row"/g)).toBe(2);
    expect(html).toContain(code);
    expect(html).toContain(busyCode);
    // the contractions chart: per session and channel a bar of all and a bar of good contractions (the busy session has none)
    const bars = html.match(/<svg class="chart" data-chart="contractions"[\s\S]*?<\/svg>/)![0];
    expect(count(bars, /<rect class="bar"/g)).toBe(2 * 2 * 2);
    for (const text of ['Ophelia', 'Wintergreen', '1944', PLAYER]) expect(html).not.toContain(text);
    const researcherView = await get(researcher, `/patients/${patientCode}/report`);
    expect(researcherView.statusCode).toBe(200);
    for (const text of ['Ophelia', 'Wintergreen', '1944', PLAYER])
      expect(researcherView.body).not.toContain(text);
    expect((await get(bob, `/patients/${patientCode}/report`)).statusCode).toBe(404);
    expect((await get(alice, `/patients/P999/report`)).statusCode).toBe(404);
  });

  it('negotiates the format: ?format wins over Accept; HTML for text/html', async () => {
    const html = await get(alice, `/sessions/${code}/report?format=html`, { accept: 'application/pdf' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(
      (await get(alice, `/sessions/${code}/report`, { accept: 'text/html' })).headers['content-type'],
    ).toBe('text/html; charset=utf-8');
  });

  it('is documented in OpenAPI: both media types, the query, 404/409/501 with their codes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
    const op = doc.paths['/sessions/{session_code}/report'].get;
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/pdf', 'text/html']);
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'format',
      'paper',
      'session_code',
    ]);
    expect(op.responses['409'].description).toContain('not_ready');
    expect(op.responses['501'].description).toContain('pdf_unavailable');
    expect(op.responses['404'].description).toContain('session_not_found');
    const patient = doc.paths['/patients/{patient_code}/report'].get;
    expect(patient.responses['404'].description).toContain('patient_not_found');
    expect(patient.responses['501'].description).toContain('pdf_unavailable');
  });

  describe('without Chromium', () => {
    let bare: TestApp;
    beforeAll(async () => {
      bare = await createTestApp(
        { JWT_SECRET: SECRET, DATA_DIR: t.dataDir, CHROMIUM_PATH: '/nonexistent/chromium' },
        { database: t.database },
      );
    });
    afterAll(async () => bare.close());

    it('answers 501 pdf_unavailable saying how to enable it, for Accept and for ?format=pdf; HTML still works', async () => {
      const headers = await auth(alice);
      for (const [url, extra] of [
        [`/sessions/${code}/report`, { accept: 'application/pdf' }],
        [`/sessions/${code}/report?format=pdf`, {}],
        [`/patients/${patientCode}/report?format=pdf`, {}],
      ] as const) {
        const res = await bare.app.inject({ method: 'GET', url, headers: { ...headers, ...extra } });
        expect(res.statusCode).toBe(501);
        expect(res.json()).toMatchObject({ statusCode: 501, error: 'pdf_unavailable' });
        expect(res.json().detail).toContain('apt-get install chromium');
        expect(res.json().detail).toContain('CHROMIUM_PATH');
      }
      const html = await bare.app.inject({ method: 'GET', url: `/sessions/${code}/report`, headers });
      expect(html.statusCode).toBe(200);
      // RLS is the same on this instance
      expect(
        (
          await bare.app.inject({
            method: 'GET',
            url: `/sessions/${code}/report?format=pdf`,
            headers: await auth(bob),
          })
        ).statusCode,
      ).toBe(404);
    });
  });
});
