// A file arriving through the storage webhook (no profile field) is processed with its
// patient's default profile and the patient's latest MVC calibration.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readC3d } from '@app/c3d';
import { calibrateMvcFromC3d } from '@app/analysis';
import { ObjectStorage } from '../../src/infrastructure/storage/object-storage.js';
import { WebhookSignatureService } from '../../src/webhook/webhook-signature.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'mvc-webhook-e2e-jwt-secret-with-32-chars';
const HOOK_SECRET = 'mvc-webhook-hmac-secret-0123456789';
const TRIAL = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';
const FILE = 'Ghostly_Emg_20250310_11-46-23-0823.c3d';

describe('webhook sessions: patient default profile and calibration', () => {
  let t: TestApp;
  let therapist: TestUser;
  let patientCode: string;
  const headers = async () => bearer(await signHs256(SECRET, supabaseClaims(therapist)));
  const hook = (name: string) => {
    const raw = JSON.stringify({
      type: 'INSERT',
      table: 'objects',
      schema: 'storage',
      record: { id: 'a1b2c3d4-0d4b-4c55-9c55-1f0e8e2b3a10', bucket_id: 'c3d-examples', name, metadata: {} },
      old_record: null,
    });
    return t.app.inject({
      method: 'POST',
      url: '/webhooks/storage/c3d-upload',
      headers: {
        'content-type': 'application/json',
        'x-supabase-signature': `sha256=${WebhookSignatureService.sign(HOOK_SECRET, raw)}`,
      },
      payload: raw,
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET, WEBHOOK_SECRET: HOOK_SECRET });
    therapist = await createUser(t.database, 'therapist');
    const p = await t.app.inject({ method: 'POST', url: '/patients', headers: await headers(), payload: {} });
    patientCode = p.json().patient_code;
    await t.get(ObjectStorage).put(`${patientCode}/${FILE}`, ghostly(FILE));
  });
  afterAll(async () => t.close());

  it('uses seniam-v1 (the default set for the patient) and the calibration', async () => {
    const body = multipart({ name: TRIAL, content: ghostly(TRIAL) });
    const cal = await t.app.inject({
      method: 'POST',
      url: `/patients/${patientCode}/mvc`,
      headers: { ...(await headers()), ...body.headers },
      payload: body.payload,
    });
    expect(cal.statusCode).toBe(201);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/patients/${patientCode}/default-profile`,
      headers: await headers(),
      payload: { default_profile: 'seniam-v1' },
    });
    expect(put.statusCode).toBe(200);
    const res = await hook(`${patientCode}/${FILE}`);
    expect(res.statusCode).toBe(202);
    const code = res.json<{ session_code: string }>().session_code;
    expect((await waitForSession(t, await headers(), code)).status).toBe('completed');
    const d = (
      await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await headers() })
    ).json();
    expect(d.processing_profile).toMatch(/^seniam-v1@/);
    expect(d.quality_gate).toMatchObject({ passed: true });
    const expected = calibrateMvcFromC3d(readC3d(ghostly(TRIAL)), 500).values['seniam-v1']!;
    for (const c of d.channels) {
      expect(c.analytics.mvc_source).toBe('calibration');
      expect(c.analytics.mvc_value).toBeCloseTo(expected[c.channel_name]!, 18);
      expect(c.analytics.seniam.mvc.source).toBe('calibration');
    }
  });
});
