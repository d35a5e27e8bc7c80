import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ObjectStorage } from '../../src/infrastructure/storage/object-storage.js';
import { WebhookSignatureService } from '../../src/webhook/webhook-signature.service.js';
import { ghostly } from '../support/session-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims } from '../support/tokens.js';

const SECRET = 'webhook-hardening-jwt-secret-with-32-chars';
const HOOK_SECRET = 'webhook-hardening-hmac-secret-0123456789';
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
const FILE_BYTES = ghostly(FILE);
/** The upload limit is this file's size exactly, so one byte more is over it. */
const LIMIT = FILE_BYTES.length;

function event(name: string, metadata: Record<string, unknown> | undefined = { size: 1000 }) {
  return {
    type: 'INSERT',
    table: 'objects',
    schema: 'storage',
    record: { bucket_id: 'c3d-examples', name, ...(metadata ? { metadata } : {}) },
    old_record: null,
  };
}

/** Each defence with its near miss: the check loosened by one step would let the second case through. */
describe('webhook defences and their near misses', () => {
  let t: TestApp;
  let patientCode: string;
  const post = (raw: string, signature: string | null) =>
    t.app.inject({
      method: 'POST',
      url: '/webhooks/storage/c3d-upload',
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { 'x-supabase-signature': signature }),
      },
      payload: raw,
    });
  const send = (body: object) => {
    const raw = JSON.stringify(body);
    return post(raw, WebhookSignatureService.sign(HOOK_SECRET, raw));
  };

  beforeAll(async () => {
    t = await createTestApp({
      JWT_SECRET: SECRET,
      WEBHOOK_SECRET: HOOK_SECRET,
      MAX_UPLOAD_BYTES: String(LIMIT),
    });
    const therapist = await createUser(t.database, 'therapist');
    const p = await t.app.inject({
      method: 'POST',
      url: '/patients',
      headers: bearer(await signHs256(SECRET, supabaseClaims(therapist))),
      payload: {},
    });
    patientCode = p.json().patient_code;
  });
  afterAll(async () => t.close());

  describe('signature', () => {
    // an ignored event (200) when the signature holds, so only the signature decides
    const raw = JSON.stringify(event('P001/readme.txt'));
    const good = WebhookSignatureService.sign(HOOK_SECRET, raw);
    const flip = (hex: string, at: number) =>
      hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);

    it('accepts the exact signature, bare or with sha256=', async () => {
      expect((await post(raw, good)).statusCode).toBe(200);
      expect((await post(raw, `sha256=${good}`)).statusCode).toBe(200);
    });

    it.each([
      ['its last hex digit flipped', flip(good, 63)],
      ['its first hex digit flipped', flip(good, 0)],
      ['only its first half (a prefix)', good.slice(0, 32)],
      ['one hex digit short', good.slice(0, 63)],
      ['one hex digit too many', `${good}0`],
      ['the signature of the body with one more byte', WebhookSignatureService.sign(HOOK_SECRET, `${raw} `)],
      ['signed with a secret one character off', WebhookSignatureService.sign(`${HOOK_SECRET}x`, raw)],
    ])('refuses a signature with %s (401)', async (_what, signature) => {
      const res = await post(raw, signature);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('signature_invalid');
    });

    it('refuses a missing signature', async () => {
      expect((await post(raw, null)).json().error).toBe('signature_missing');
    });
  });

  describe('object names', () => {
    it.each([
      ['a parent segment', (p: string) => `${p}/../${p}/x.c3d`],
      ['a leading parent segment', () => `../etc/x.c3d`],
      ['an empty segment', (p: string) => `${p}//x.c3d`],
      ['a backslash', (p: string) => `${p}\\..\\x.c3d`],
      ['an absolute path', (p: string) => `/${p}/x.c3d`],
    ])('answers %s with 400 invalid_object_path (not a retryable 503)', async (_what, name) => {
      const res = await send(event(name(patientCode)));
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_object_path');
    });

    it('answers a NUL in the name with 400 before anything else', async () => {
      const res = await send(event(`${patientCode}/x\u0000.c3d`));
      expect(res.statusCode).toBe(400);
      expect(['invalid_character', 'invalid_object_path']).toContain(res.json().error);
    });

    it('near miss: a well-formed name in a sub-folder reaches storage (404, not 400)', async () => {
      const res = await send(event(`${patientCode}/sub.folder/x.c3d`));
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('storage_object_not_found');
    });
  });

  describe('size limit after the download (no metadata.size in the event)', () => {
    beforeAll(async () => {
      const storage = t.get(ObjectStorage);
      await storage.put(`${patientCode}/at-limit.c3d`, FILE_BYTES);
      // one trailing byte: still a readable C3D file, one byte over the limit
      await storage.put(`${patientCode}/over-limit.c3d`, Buffer.concat([FILE_BYTES, Buffer.from([0])]));
    });

    it('refuses an object one byte over MAX_UPLOAD_BYTES when the event states no size', async () => {
      const res = await send(event(`${patientCode}/over-limit.c3d`, undefined));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: 'file_too_large',
        details: { size_bytes: LIMIT + 1, limit_bytes: LIMIT },
      });
    });

    it('refuses it when the event understates its size', async () => {
      const res = await send(event(`${patientCode}/over-limit.c3d`, { size: 10 }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toBe('file_too_large');
    });

    it('refuses a stated size one byte over before downloading', async () => {
      const res = await send(event(`${patientCode}/missing.c3d`, { size: LIMIT + 1 }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toBe('file_too_large');
    });

    it('near miss: accepts an object of exactly MAX_UPLOAD_BYTES', async () => {
      const res = await send(event(`${patientCode}/at-limit.c3d`, undefined));
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ success: true, session_code: expect.any(String) });
    });
  });
});
