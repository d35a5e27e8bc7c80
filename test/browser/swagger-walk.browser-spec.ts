/**
 * The first-contact walk in a real browser (Debian's chromium through playwright-core): open
 * /docs, log in through "Try it out", authorize, create a therapist and a patient from the
 * examples as shown, upload a GHOSTLY recording through the POST /sessions form leaving every
 * optional field as shown, read the completed session, and compare its overall score with the
 * API's answer for the same file without options. No skip: if the browser cannot start, the
 * suite fails. Screenshots go to test-artifacts/swagger-walk/ (gitignored, kept by CI).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { initialAdminPassword, startService, type RunningService } from './service-process.js';
import { SwaggerUi } from './swagger-ui.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FILE = join(process.cwd(), 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-50-17-0881.c3d');
/** The overall score of this recording on the defaults, to two decimals (the original's figure). */
const DEFAULT_OVERALL = 78.25;

interface Json {
  [key: string]: unknown;
}

describe('Swagger UI walk in a real browser', () => {
  let service: RunningService;
  let browser: Browser;
  let ui: SwaggerUi;

  beforeAll(async () => {
    service = await startService();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    ui = new SwaggerUi(page);
    await ui.open(service.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  async function logIn(email: string, password: string, label: string): Promise<void> {
    const op = ui.operation('auth', 'AuthController_login');
    if (!(await op.locator('button.execute').isVisible())) await ui.tryItOut(op);
    const shown = (await ui.jsonBody(op)) as Json;
    expect(Object.keys(shown).sort()).toEqual(['email', 'password']);
    // The one thing a person types: the credentials.
    await ui.setJsonBody(op, { email, password });
    const res = await ui.execute(op, label);
    expect(res.status).toBe(200);
    const token = (res.body as Json).access_token;
    expect(typeof token).toBe('string');
    await ui.authorize(token as string);
  }

  it('shows the first admin password in a banner and keeps it in DATA_DIR', () => {
    const password = initialAdminPassword(service);
    expect(password).toMatch(/^[A-Za-z0-9-]{20,}$/);
    expect(service.stderr()).toContain(`password: ${password}`);
  });

  it('walks from login to a scored session with every example and optional field as shown', async () => {
    // 1. the first admin logs in and authorizes
    const adminLogin = ui.operation('auth', 'AuthController_login');
    await ui.tryItOut(adminLogin);
    expect(((await ui.jsonBody(adminLogin)) as Json).email).toBe('admin@localhost');
    await logIn('admin@localhost', initialAdminPassword(service), 'admin-login');

    // 2. a therapist from the example as shown: no password given, one is generated
    const createUser = ui.operation('admin', 'AdminUsersController_create');
    await ui.tryItOut(createUser);
    const userExample = (await ui.jsonBody(createUser)) as Json;
    expect(userExample.role).toBe('therapist');
    expect(userExample).not.toHaveProperty('password');
    expect(userExample).not.toHaveProperty('custom_password');
    const created = await ui.execute(createUser, 'therapist-created');
    expect(created.status).toBe(201);
    const temporary = (created.body as Json).temporary_password as string;
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    await ui.collapse(createUser);

    // 3. the therapist logs in with the password shown once
    await logIn(userExample.email as string, temporary, 'therapist-login');
    await ui.collapse(adminLogin);

    // 4. a patient from the example as shown
    const createPatient = ui.operation('patients', 'PatientController_create');
    await ui.tryItOut(createPatient);
    const patient = await ui.execute(createPatient, 'patient-created');
    expect(patient.status).toBe(201);
    const patientCode = (patient.body as Json).patient_code as string;
    await ui.collapse(createPatient);

    // 5. the upload form: every optional field starts empty, the patient code example is the
    // patient just created, only the file is chosen
    const upload = ui.operation('sessions', 'SessionController_create');
    await ui.tryItOut(upload);
    const form = await ui.formValues(upload);
    const { patient_code: shownCode, file: _file, ...optional } = form;
    expect(shownCode).toBe(patientCode);
    expect(Object.keys(optional).length).toBeGreaterThanOrEqual(10);
    expect(Object.entries(optional).filter(([, v]) => v !== '')).toEqual([]);
    await ui.setFile(upload, 'file', FILE);
    const accepted = await ui.execute(upload, 'session-uploaded');
    expect(accepted.status).toBe(202);
    const sessionCode = (accepted.body as Json).session_code as string;
    await ui.collapse(upload);

    // 6. read the session until it is completed
    const read = ui.operation('sessions', 'SessionController_get');
    await ui.tryItOut(read);
    await ui.setParameter(read, 'session_code', sessionCode);
    let detail: Json = {};
    for (let i = 0; i < 60; i++) {
      const res = await ui.execute(read);
      expect(res.status).toBe(200);
      detail = res.body as Json;
      if (detail.status === 'completed' || detail.status === 'failed') break;
      await ui.page.waitForTimeout(500);
    }
    await ui.screenshot(read, 'session-read');
    expect(detail.status).toBe('completed');
    const uiScore = (detail.performance_scores as Json).overall_score;

    // 7. the API's answer for the same file without options (as curl would send it), for a
    // second patient of the same therapist
    const api = async (path: string, init: RequestInit = {}): Promise<Json> => {
      const res = await fetch(`${service.url}${path}`, init);
      return (await res.json()) as Json;
    };
    const login = await api('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: userExample.email, password: temporary }),
    });
    const auth = { authorization: `Bearer ${login.access_token as string}` };
    const other = await api('/patients', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    });
    const curlForm = new FormData();
    curlForm.append('patient_code', other.patient_code as string);
    curlForm.append('file', new Blob([readFileSync(FILE)]), 'Ghostly_Emg_20230321_17-50-17-0881.c3d');
    const queued = await api('/sessions', { method: 'POST', headers: auth, body: curlForm });
    let byApi: Json = {};
    for (let i = 0; i < 120 && byApi.status !== 'completed' && byApi.status !== 'failed'; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 250));
      byApi = await api(`/sessions/${queued.session_code as string}`, { headers: auth });
    }
    expect(byApi.status).toBe('completed');
    const apiScore = (byApi.performance_scores as Json).overall_score;
    expect(uiScore).toBe(apiScore);
    expect(uiScore as number).toBeCloseTo(DEFAULT_OVERALL, 2);
  }, 240_000);
});
