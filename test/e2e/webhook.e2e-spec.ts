import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ObjectStorage } from '../../src/infrastructure/storage/object-storage.js';
import { WebhookSignatureService } from '../../src/webhook/webhook-signature.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, waitForSession } from '../support/session-helpers.js';

const SECRET = 'webhook-e2e-jwt-secret-with-at-least-32-chars';
const HOOK_SECRET = 'webhook-hmac-secret-0123456789';
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
/** The patient's channel-to-muscle mapping: a webhook upload carries none of its own. */
const MUSCLES = { CH1: 'Left Quadriceps', CH2: 'Right Quadriceps' };

function event(name: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'INSERT',
    table: 'objects',
    schema: 'storage',
    record: {
      id: '6f1c7a38-0d4b-4c55-9c55-1f0e8e2b3a10',
      bucket_id: 'c3d-examples',
      name,
      metadata: { size: 2867920, mimetype: 'application/octet-stream' },
    },
    old_record: null,
    ...overrides,
  };
}

describe('POST /webhooks/storage/c3d-upload', () => {
  let t: TestApp;
  let therapist: TestUser;
  let patientCode: string;
  const send = (body: object, signature?: string | null) => {
    const raw = JSON.stringify(body);
    const sig =
      signature === undefined ? `sha256=${WebhookSignatureService.sign(HOOK_SECRET, raw)}` : signature;
    return t.app.inject({
      method: 'POST',
      url: '/webhooks/storage/c3d-upload',
      headers: {
        'content-type': 'application/json',
        ...(sig === null ? {} : { 'x-supabase-signature': sig }),
      },
      payload: raw,
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET, WEBHOOK_SECRET: HOOK_SECRET });
    therapist = await createUser(t.database, 'therapist');
    const p = await t.app.inject({
      method: 'POST',
      url: '/patients',
      headers: bearer(await signHs256(SECRET, supabaseClaims(therapist))),
      payload: { channel_muscle_mapping: MUSCLES },
    });
    patientCode = p.json().patient_code;
    await t.get(ObjectStorage).put(`${patientCode}/${FILE}`, ghostly(FILE));
  });
  afterAll(async () => t.close());

  it('queues a signed C3D insert, processes it, and answers a replay with the same session', async () => {
    const res = await send(event(`${patientCode}/${FILE}`));
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({ success: true, message: 'C3D processing initiated', duplicate: false });
    expect(body.session_code).toMatch(new RegExp(`^${patientCode}S\\d{3}$`));
    const headers = bearer(await signHs256(SECRET, supabaseClaims(therapist)));
    expect((await waitForSession(t, headers, body.session_code)).status).toBe('completed');
    const status = await t.app.inject({
      method: 'GET',
      url: `/webhooks/storage/status/${body.session_code}`,
      headers,
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      status: 'completed',
      has_analysis: true,
      file_path: `c3d-examples/${patientCode}/${FILE}`,
      error_message: null,
    });
    expect(status.json().processed_at).not.toBeNull();
    const detail = (
      await t.app.inject({ method: 'GET', url: `/sessions/${body.session_code}`, headers })
    ).json();
    expect(detail.performance_scores.overall_score).toBeCloseTo(78.25, 2);
    expect(detail.channel_muscle_mapping).toEqual(MUSCLES);

    const replay = await send(event(`${patientCode}/${FILE}`));
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toMatchObject({ session_code: body.session_code, duplicate: true });
    const list = (
      await t.app.inject({ method: 'GET', url: `/sessions?patient_code=${patientCode}`, headers })
    ).json();
    expect(list.total).toBe(1);
  });

  it.each([
    ['a bad signature', 'sha256=' + '0'.repeat(64), 'signature_invalid'],
    ['a signature of another body', WebhookSignatureService.sign(HOOK_SECRET, '{}'), 'signature_invalid'],
    ['garbage', 'not-hex', 'signature_invalid'],
    ['no signature', null, 'signature_missing'],
  ])('refuses %s with 401', async (_label, signature, code) => {
    const res = await send(event(`${patientCode}/${FILE}`), signature);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe(code);
  });

  it('answers 404 for an unknown patient and 422 outside a patient folder', async () => {
    const unknown = await send(event(`P999/${FILE}`));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('patient_not_found');
    const noFolder = await send(event(FILE));
    expect(noFolder.statusCode).toBe(422);
    expect(noFolder.json().error).toBe('patient_code_missing');
  });

  it('refuses unreadable, empty and oversized objects with 422 and creates no session', async () => {
    const storage = t.get(ObjectStorage);
    await storage.put(
      `${patientCode}/renamed-text.c3d`,
      Buffer.from('this is not a C3D file, only text renamed to .c3d\n'.repeat(20)),
    );
    await storage.put(`${patientCode}/empty.c3d`, Buffer.alloc(0));
    const before = await t.database.kysely.selectFrom('therapy_sessions').select('id').execute();

    const text = await send(
      event(`${patientCode}/renamed-text.c3d`, {
        record: {
          bucket_id: 'c3d-examples',
          name: `${patientCode}/renamed-text.c3d`,
          metadata: { size: 980 },
        },
      }),
    );
    expect(text.statusCode).toBe(422);
    expect(text.json().error).toMatch(/^(bad_header|unsupported_processor|bad_parameter_section|truncated)$/);

    const empty = await send(
      event(`${patientCode}/empty.c3d`, {
        record: { bucket_id: 'c3d-examples', name: `${patientCode}/empty.c3d`, metadata: { size: 0 } },
      }),
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error).toBe('empty_file');

    // the stated size is over MAX_UPLOAD_BYTES (100 MB by default): refused before any download
    const huge = await send(
      event(`${patientCode}/${FILE}`, {
        record: {
          bucket_id: 'c3d-examples',
          name: `${patientCode}/${FILE}`,
          metadata: { size: 200 * 1024 * 1024 },
        },
      }),
    );
    expect(huge.statusCode).toBe(422);
    expect(huge.json()).toMatchObject({
      error: 'file_too_large',
      details: { limit_bytes: 100 * 1024 * 1024 },
    });

    const after = await t.database.kysely.selectFrom('therapy_sessions').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it.each([
    ['wrong_bucket', event('P001/x.c3d', { record: { bucket_id: 'emg_data', name: 'P001/x.c3d' } })],
    ['not_c3d', event('P001/readme.txt')],
    ['not_an_object_insert', event('P001/x.c3d', { type: 'DELETE' })],
  ])('acknowledges and ignores %s (200)', async (reason, body) => {
    const res = await send(body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ success: true, ignored: reason, session_code: null });
  });

  it('refuses unsigned requests when no secret is configured unless explicitly allowed', async () => {
    const strict = await createTestApp({ JWT_SECRET: SECRET });
    try {
      const res = await strict.app.inject({
        method: 'POST',
        url: '/webhooks/storage/c3d-upload',
        payload: event('P001/readme.txt'),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('webhook_not_configured');
    } finally {
      await strict.close();
    }
    const open = await createTestApp({ JWT_SECRET: SECRET, WEBHOOK_ALLOW_UNSIGNED: 'true' });
    try {
      const res = await open.app.inject({
        method: 'POST',
        url: '/webhooks/storage/c3d-upload',
        payload: event('P001/readme.txt'),
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});
