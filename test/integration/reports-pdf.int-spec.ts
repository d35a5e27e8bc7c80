/**
 * Reports in a real browser (Debian's chromium through playwright-core) and as PDF checked by an
 * independent reader (poppler's pdfinfo and pdftotext): page count and size on A4 and Letter,
 * the text of the scores and tables, no player name in a researcher's PDF; and a screenshot of
 * the HTML report (test-artifacts/reports/, gitignored) with the plots laid out and nothing
 * requested from the network. Fails, never skips, when chromium or poppler-utils is missing
 * (.ci/run installs both).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { chromium, type Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'reports-pdf-secret-with-at-least-32-chars';
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test-artifacts/reports');
const PLAYER = 'Quentin Zarkovsky';

function pdfInfo(pdf: Buffer): { pages: number; size: string } {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  const path = join(dir, 'r.pdf');
  writeFileSync(path, pdf);
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]),
    size: /^Page size:\s+(.*)$/m.exec(info)![1]!.trim(),
  };
}

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
}

describe('reports as PDF and in the browser', () => {
  let t: TestApp;
  let alice: TestUser;
  let researcher: TestUser;
  let patientCode: string;
  let code: string;
  let browser: Browser;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const get = async (u: TestUser, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...(await auth(u)), ...headers } });

  beforeAll(async () => {
    t = await createTestApp({
      JWT_SECRET: SECRET,
      MAX_UPLOAD_BYTES: String(4 * 1024 * 1024),
      CHROMIUM_PATH: CHROMIUM,
    });
    alice = await createUser(t.database, 'therapist');
    researcher = await createUser(t.database, 'researcher');
    patientCode = (
      await t.app.inject({ method: 'POST', url: '/patients', headers: await auth(alice), payload: {} })
    ).json().patient_code;
    const body = multipart({ name: FILE, content: ghostly(FILE) }, { patient_code: patientCode });
    code = (
      await t.app.inject({
        method: 'POST',
        url: '/sessions',
        headers: { ...(await auth(alice)), ...body.headers },
        payload: body.payload,
      })
    ).json().session_code;
    expect((await waitForSession(t, await auth(alice), code)).status).toBe('completed');
    await sql`update therapy_sessions set game_metadata = jsonb_set(game_metadata, '{player_name}', ${JSON.stringify(PLAYER)}::jsonb) where session_code = ${code}`.execute(
      t.database.kysely,
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders the session report as a 6-page A4 PDF whose text has the scores, tables and file', async () => {
    const res = await get(alice, `/sessions/${code}/report`, { accept: 'application/pdf' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(ARTIFACTS, 'session-report-a4.pdf'), pdf);
    expect(pdfInfo(pdf)).toEqual({ pages: 6, size: expect.stringContaining('(A4)') });
    const text = pdfText(pdf);
    for (const s of [
      'EMG session report',
      code,
      '78.3',
      '61.1',
      '90.9',
      '(0.5 × 61.1 + 0.25 × 90.9 + 0.25 × 100.0) / 1 = 78.3',
      'Contractions',
      'MPF',
      'Fatigue index',
      'GHOSTLY-TRIAL-DEFAULT',
      FILE,
      PLAYER,
      'page 1 of 6',
    ])
      expect(text).toContain(s);
    // the contraction tables: 18 rows for CH1 and 8 for CH2, each with its class
    expect((text.match(/MVC only/g) ?? []).length).toBeGreaterThanOrEqual(26);
  }, 60_000);

  it('renders on Letter with ?format=pdf&paper=letter; a researcher’s PDF has no player name', async () => {
    const res = await get(researcher, `/sessions/${code}/report?format=pdf&paper=letter`);
    expect(res.statusCode).toBe(200);
    const info = pdfInfo(res.rawPayload);
    expect(info.size).toContain('(letter)');
    expect(info.pages).toBeGreaterThanOrEqual(5);
    expect(info.pages).toBeLessThanOrEqual(7);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('78.3');
    expect(text).not.toContain(PLAYER);
    expect(text).not.toContain('Player name');
  }, 60_000);

  it('serves concurrent PDF requests from the one browser (two pages at a time, the rest queued)', async () => {
    const all = await Promise.all(
      Array.from({ length: 5 }, () => get(alice, `/sessions/${code}/report?format=pdf`)),
    );
    for (const res of all) {
      expect(res.statusCode).toBe(200);
      expect(pdfInfo(res.rawPayload).pages).toBe(6);
    }
  }, 120_000);

  it('renders the progress report as PDF with its charts and session table', async () => {
    const res = await get(alice, `/patients/${patientCode}/report?format=pdf`);
    expect(res.statusCode).toBe(200);
    writeFileSync(join(ARTIFACTS, 'progress-report-a4.pdf'), res.rawPayload);
    const info = pdfInfo(res.rawPayload);
    expect(info.pages).toBe(3);
    const text = pdfText(res.rawPayload);
    for (const s of [
      'Patient progress report',
      patientCode,
      'Scores over time',
      'Adherence',
      code,
      'target 12',
    ])
      expect(text).toContain(s);
  }, 60_000);

  it('lays the HTML report out in the browser, under the API’s own headers (CSP), fetching nothing (screenshot kept)', async () => {
    const res = await get(alice, `/sessions/${code}/report`);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const context = await browser.newContext({
      viewport: { width: 1000, height: 1200 },
      javaScriptEnabled: false,
    });
    // the page as the API serves it, headers included, at one origin; anything else is refused and listed
    const ORIGIN = 'http://report.test';
    const requests: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/report`) {
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
        await route.fulfill({ status: 200, headers, body: res.body });
      } else {
        requests.push(url);
        await route.abort();
      }
    });
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    await page.goto(`${ORIGIN}/report`, { waitUntil: 'load' });
    const plots = page.locator('svg.channel-plot');
    expect(await plots.count()).toBe(2);
    for (let k = 0; k < 2; k++) {
      const box = (await plots.nth(k).boundingBox())!;
      expect(box.width).toBeGreaterThan(600);
      expect(box.height).toBeGreaterThan(200);
    }
    // the inline style sheet applied (not blocked by the CSP): the five score cards sit on one row
    const cards = page.locator('.cards .card');
    expect(await cards.count()).toBe(5);
    const ys = await Promise.all([0, 1, 2, 3, 4].map(async (k) => (await cards.nth(k).boundingBox())!.y));
    expect(new Set(ys).size).toBe(1);
    expect(console.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    expect(await page.locator('svg.channel-plot rect.ctr').count()).toBe(26);
    // the traces are drawn: each path spans the plot area
    const traces = page.locator('svg.channel-plot path.trace');
    expect(await traces.count()).toBe(4);
    expect((await traces.first().boundingBox())!.width).toBeGreaterThan(600);
    const shot = join(ARTIFACTS, 'session-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(50_000);
    expect(requests).toEqual([]);
    const progress = (await get(alice, `/patients/${patientCode}/report`)).body;
    await page.setContent(progress, { waitUntil: 'load' });
    expect(await page.locator('svg.chart').count()).toBe(4);
    await page.screenshot({ path: join(ARTIFACTS, 'progress-report.png'), fullPage: true });
    expect(requests).toEqual([]);
    await context.close();
  }, 60_000);
});
