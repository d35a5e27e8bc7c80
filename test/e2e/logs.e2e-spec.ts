import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'logs-e2e-secret-with-at-least-32-characters';

/** POST /logs/frontend and GET /logs/frontend/tail with tokens (ANONYMOUS_ANALYSIS off). */
describe('frontend logs', () => {
  let t: TestApp;
  let admin: TestUser;
  let therapist: TestUser;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const post = async (u: TestUser | null, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/logs/frontend',
      headers: { ...(u ? await auth(u) : {}), ...headers },
      payload: payload as object,
    });
  const tail = async (u: TestUser, query = '') =>
    t.app.inject({ method: 'GET', url: `/logs/frontend/tail${query}`, headers: await auth(u) });

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    admin = await createUser(t.database, 'admin');
    therapist = await createUser(t.database, 'therapist');
  });
  afterAll(async () => t.close());

  it('stores a batch with its sender, request id and address, and answers like the original', async () => {
    const res = await post(
      therapist,
      { logs: ['[INFO] page opened', { level: 'error', msg: 'chart failed', n: 3 }] },
      { 'x-request-id': 'req-logs-1' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      success: true,
      message: 'Received 2 log entries',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const read = await tail(admin, '?lines=2');
    expect(read.statusCode).toBe(200);
    const body = read.json();
    expect(body.showing).toBe(2);
    expect(body.total_lines).toBeGreaterThanOrEqual(2);
    expect(body.logs).toEqual(['[INFO] page opened', '{"level":"error","msg":"chart failed","n":3}']);
    for (const line of body.entries) {
      expect(line).toMatchObject({
        user_id: therapist.id,
        request_id: 'req-logs-1',
        client_address: '127.0.0.1',
      });
      expect(Date.parse(line.received_at)).not.toBeNaN();
    }
    expect(Number(body.entries[1].id)).toBeGreaterThan(Number(body.entries[0].id));
  });

  it('answers an empty batch', async () => {
    const res = await post(admin, { logs: [] });
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toBe('Received 0 log entries');
  });

  it('refuses requests without a token by default', async () => {
    const res = await post(null, { logs: ['anonymous'] });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('Bearer access token required');
  });

  it('strips control characters, keeps tabs and newlines', async () => {
    const res = await post(therapist, {
      logs: ['a\u0001b\u0007c\td\r\ne\u001b[31mred\u202e', { msg: 'x\u0008y', 'k\u007f': 'v' }],
    });
    expect(res.statusCode).toBe(200);
    const { logs } = (await tail(admin, '?lines=2')).json();
    expect(logs[0]).toBe('abc\td\ne[31mred');
    expect(JSON.parse(logs[1])).toEqual({ msg: 'xy', k: 'v' });
  });

  it('never stores a NUL character', async () => {
    const before = (await tail(admin, '?lines=1')).json().total_lines;
    const res = await post(therapist, { logs: ['nul\u0000here', { msg: 'x\u0000y' }] });
    const after = (await tail(admin, '?lines=2')).json();
    // Refused by the JSON body guard where it is installed, otherwise stored without the NUL.
    const outcome =
      res.statusCode === 200
        ? { stored: after.logs, total: after.total_lines - before }
        : { error: res.json().error, total: after.total_lines - before };
    expect([
      { stored: ['nulhere', '{"msg":"xy"}'], total: 2 },
      { error: 'invalid_character', total: 0 },
    ]).toContainEqual(outcome);
  });

  it('takes 100 entries of 2000 characters, and refuses one entry or one character more with 422', async () => {
    const full = 'x'.repeat(2000);
    expect((await post(therapist, { logs: Array(100).fill(full) })).statusCode).toBe(200);

    const tooMany = await post(therapist, { logs: Array(101).fill('x') });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().detail).toBe('Request validation failed');
    expect(tooMany.json().details).toEqual(['logs must contain no more than 100 elements']);

    const tooLong = await post(therapist, { logs: ['ok', `${full}x`] });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().details[0]).toMatch(/at most 2000 characters/);
    const bigObject = await post(therapist, { logs: [{ msg: full }] });
    expect(bigObject.statusCode).toBe(422);
  });

  it.each([
    ['no logs', {}],
    ['logs not an array', { logs: 'line' }],
    ['a number entry', { logs: ['ok', 3] }],
    ['a null entry', { logs: [null] }],
    ['an array entry', { logs: [['nested']] }],
    ['an unknown property', { logs: [], level: 'info' }],
  ])('refuses %s with 422 and a detail', async (_name, payload) => {
    const res = await post(therapist, payload);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toEqual(expect.any(String));
  });

  it('shows the tail to admins only', async () => {
    expect((await tail(therapist)).statusCode).toBe(403);
    expect((await tail(therapist)).json().error).toBe('role_forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: '/logs/frontend/tail' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('returns 50 lines by default, oldest first, and 1..1000 lines on request', async () => {
    await post(therapist, { logs: Array.from({ length: 60 }, (_, i) => `line ${i}`) });
    const byDefault = (await tail(admin)).json();
    expect(byDefault.showing).toBe(50);
    expect(byDefault.logs.at(-1)).toBe('line 59');
    expect(byDefault.logs[0]).toBe('line 10');
    const one = (await tail(admin, '?lines=1')).json();
    expect(one.logs).toEqual(['line 59']);
    expect(one.total_lines).toBe(byDefault.total_lines);
    for (const bad of ['0', '1001', 'abc', '-5', '2.5']) {
      const res = await tail(admin, `?lines=${bad}`);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toBe('Request validation failed');
    }
  });
});
