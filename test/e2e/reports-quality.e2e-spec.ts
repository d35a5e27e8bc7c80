// The signal-quality gate in the session report: a seniam-v1 session scored on a channel that fails
// the gate says so at the top of its report (HTML, CLI), naming the channel and the reason, the same
// gate as GET /sessions/{code}; a ghostly-v1 session's report has no gate block.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { reportHtml } from '../../libs/cli/src/report.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'reports-quality-e2e-secret-with-32-chars';
// CH1 fails seniam-v1's gate on mains interference; CH2 passes with a mains warning
const FAILING = 'Ghostly_Emg_20231004_13-18-43-0464.c3d';
// another file (an upload of the same bytes is the same session)
const PLAIN = 'Ghostly_Emg_20230321_17-28-14-0160.c3d';
// both channels pass seniam-v1's gate
const PASSING = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';

const gateBlock = (html: string) =>
  html.match(/<section class="quality-gate failed"[\s\S]*?<\/section>/)?.[0] ?? null;

describe('session report: the signal-quality gate', () => {
  let t: TestApp;
  let alice: TestUser;
  let patientCode: string;
  const auth = async () => bearer(await signHs256(SECRET, supabaseClaims(alice)));
  const get = async (url: string) => t.app.inject({ method: 'GET', url, headers: await auth() });
  const upload = async (name: string, profile: string) => {
    const body = multipart({ name, content: ghostly(name) }, { patient_code: patientCode, profile });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth()), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBeLessThan(300);
    const c = res.json().session_code as string;
    const done = await waitForSession(t, await auth(), c);
    expect(done).toMatchObject({ status: 'completed' });
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET, MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });
    alice = await createUser(t.database, 'therapist');
    patientCode = (
      await t.app.inject({ method: 'POST', url: '/patients', headers: await auth(), payload: {} })
    ).json().patient_code;
  });
  afterAll(async () => t.close());

  it('a seniam-v1 session whose gate fails: a warning block at the top naming the channel and reason', async () => {
    const code = await upload(FAILING, 'seniam-v1');
    const detail = (await get(`/sessions/${code}`)).json();
    expect(detail.processing_profile).toMatch(/^seniam-v1@/);
    expect(detail.quality_gate.passed).toBe(false);
    expect(detail.quality_gate.failing_channels).toEqual(['CH1']);

    const res = await get(`/sessions/${code}/report`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const block = gateBlock(html);
    expect(block).not.toBeNull();
    expect(block).toContain('Signal quality: failed');
    expect(block).toMatch(/<li data-channel="CH1"><b>CH1<\/b>: [^<]*mains interference \(fail\)/);
    // CH2 passes: listed among the warnings, not among the failing channels
    expect(block!.match(/<ul class="gate-failing">[\s\S]*?<\/ul>/)![0]).not.toContain('CH2');
    expect(block).toMatch(
      /<ul class="gate-warnings"><li data-channel="CH2"><b>CH2<\/b>: [^<]*mains interference \(warn\)/,
    );
    expect(block).toContain(detail.quality_gate.message);
    // at the top: after the header, before the warnings and the scores
    const at = html.indexOf('<section class="quality-gate failed"');
    expect(at).toBeGreaterThan(html.indexOf('</header>'));
    expect(at).toBeLessThan(html.indexOf('<section class="warnings">'));
    expect(at).toBeLessThan(html.indexOf('<section class="scores">'));
    expect(html).not.toContain('class="quality-gate passed"');
  });

  it('a seniam-v1 session whose gate passes: one "passed" line before the scores, no warning block', async () => {
    const code = await upload(PASSING, 'seniam-v1');
    const detail = (await get(`/sessions/${code}`)).json();
    expect(detail.quality_gate.passed).toBe(true);
    const html = (await get(`/sessions/${code}/report`)).body;
    const at = html.indexOf('<div class="quality-gate passed" data-gate="passed">Signal quality: passed');
    expect(at).toBeGreaterThan(html.indexOf('</header>'));
    expect(at).toBeLessThan(html.indexOf('<section class="scores">'));
    expect(gateBlock(html)).toBeNull();
  });

  it('the CLI report of the same file under seniam-v1 shows the same block', () => {
    const path = join(process.cwd(), 'test/fixtures/ghostly', FAILING);
    const block = gateBlock(reportHtml(path, {}, 'seniam-v1'));
    expect(block).toMatch(/<li data-channel="CH1"><b>CH1<\/b>: [^<]*mains interference \(fail\)/);
    // ghostly-v1 has no gate: nothing
    expect(reportHtml(path, {}, 'ghostly-v1')).not.toMatch(/<(div|section) class="quality-gate/);
  });

  it('a ghostly-v1 session has no gate and no gate block', async () => {
    const code = await upload(PLAIN, 'ghostly-v1');
    const detail = (await get(`/sessions/${code}`)).json();
    expect(detail.processing_profile).toMatch(/^ghostly-v1@/);
    expect(detail.quality_gate).toBeNull();
    const res = await get(`/sessions/${code}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<section class="scores">');
    expect(res.body).not.toMatch(/<(div|section) class="quality-gate/);
    expect(res.body).not.toContain('Signal quality');
  });
});
