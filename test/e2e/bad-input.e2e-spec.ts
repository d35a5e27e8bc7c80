import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { BAD_INPUT_DIR, ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'bad-input-e2e-secret-with-at-least-32-chars';
const bad = (name: string) => readFileSync(join(BAD_INPUT_DIR, name));
const notOk = (name: string) => readFileSync(join(process.cwd(), 'test/fixtures/c3d/not-ok', name));

describe('bad input through POST /sessions', () => {
  let t: TestApp;
  let therapist: TestUser;
  let patientCode: string;
  const headers = async () => bearer(await signHs256(SECRET, supabaseClaims(therapist)));
  const upload = async (name: string, content: Buffer) => {
    const body = multipart({ name, content }, { patient_code: patientCode });
    return t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await headers()), ...body.headers },
      payload: body.payload,
    });
  };
  const sessionCount = async () =>
    Number(
      (
        await t.database.kysely
          .selectFrom('therapy_sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp({
      JWT_SECRET: SECRET,
      MAX_UPLOAD_BYTES: String(4 * 1024 * 1024),
      JOB_BACKOFF_MS: '10',
    });
    therapist = await createUser(t.database, 'therapist');
    patientCode = (
      await t.app.inject({ method: 'POST', url: '/patients', headers: await headers(), payload: {} })
    ).json().patient_code;
  });
  afterAll(async () => t.close());

  it.each([
    ['an empty (0-byte) file', 'empty.c3d', () => bad('empty.c3d'), 422, 'empty_file'],
    ['a text file renamed .c3d', 'text-renamed.c3d', () => bad('text-renamed.c3d'), 422, undefined],
    [
      'a C3D truncated in its parameters',
      'truncated.c3d',
      () => notOk('truncated-in-parameters.c3d'),
      422,
      'truncated',
    ],
    [
      'a C3D with an unsupported processor',
      'proc.c3d',
      () => notOk('unsupported-processor.c3d'),
      422,
      'unsupported_processor',
    ],
    ['an oversized upload', 'big.c3d', () => Buffer.alloc(4 * 1024 * 1024 + 1), 413, 'payload_too_large'],
  ])('refuses %s before storing anything', async (_label, name, content, status, code) => {
    const before = await sessionCount();
    const res = await upload(name, content());
    expect(res.statusCode).toBe(status);
    if (code) expect(res.json().error).toBe(code);
    else
      expect(res.json().error).toMatch(
        /^(bad_header|truncated|bad_parameter_section|unsupported_processor|invalid_input)$/,
      );
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a missing file part and an unknown patient without rows', async () => {
    const body = multipart(null, { patient_code: patientCode });
    const none = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await headers()), ...body.headers },
      payload: body.payload,
    });
    expect(none.statusCode).toBe(400);
    const b2 = multipart(
      { name: 'x.c3d', content: ghostly('Ghostly_Emg_20230321_17-23-09-0409.c3d') },
      { patient_code: 'P998' },
    );
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await headers()), ...b2.headers },
      payload: b2.payload,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('patient_not_found');
    expect(await sessionCount()).toBe(0);
  });

  it.each([
    [
      'a C3D with no EMG channels',
      'no-emg-channels.c3d',
      () => bad('no-emg-channels.c3d'),
      'no_emg_channels',
    ],
    // a force-plate recording cut off mid-data: its 141 complete frames are read (the header check
    // passes), and 564 samples per channel are too short for EMG validation
    [
      'a C3D truncated mid-data',
      'truncated-mid-data.c3d',
      () => notOk('truncated-mid-data.c3d'),
      'no_emg_channels',
    ],
  ])('fails %s as queued work with a clear code and no derived rows', async (_label, name, content, code) => {
    const res = await upload(name, content());
    expect(res.statusCode).toBe(202);
    const status = await waitForSession(t, await headers(), res.json().session_code);
    expect(status.status).toBe('failed');
    expect(status.error_code).toBe(code);
    expect(status.error_message).toBeTruthy();
    const stats = await t.database.kysely
      .selectFrom('emg_statistics')
      .select('id')
      .where('session_id', '=', res.json().id)
      .execute();
    expect(stats).toHaveLength(0);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/sessions/${res.json().session_code}`,
        headers: await headers(),
      })
    ).json();
    expect(detail).toMatchObject({ status: 'failed', performance_scores: null, channels: [] });
  });

  it('scores a GHOSTLY recording that was cut off on its complete frames, and says so', async () => {
    const res = await upload(
      'cut-off.c3d',
      readFileSync(join(process.cwd(), 'test/fixtures/c3d/ok/ghostly-unfinalised-truncated.c3d')),
    );
    expect(res.statusCode).toBe(202);
    expect((await waitForSession(t, await headers(), res.json().session_code)).status).toBe('completed');
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/sessions/${res.json().session_code}`,
        headers: await headers(),
      })
    ).json();
    expect(detail.game_metadata.file_warnings).toEqual([
      expect.objectContaining({
        code: 'unfinalised',
        message: expect.stringContaining('4731 complete frames'),
      }),
    ]);
    expect(detail.game_metadata.duration_seconds).toBeCloseTo((4731 * 30) / 990, 6);
    expect(detail.channels.map((c: { total_contractions: number }) => c.total_contractions)).toEqual([
      39, 24,
    ]);
  });
});
