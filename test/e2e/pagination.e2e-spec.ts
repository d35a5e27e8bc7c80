import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

// Keyset pagination of GET /sessions and GET /patients (cursor, next_cursor, count modes).
const SECRET = 'pagination-e2e-secret-with-at-least-32-chars';

interface Summary {
  session_code: string;
  patient_code: string;
}

describe('keyset pagination of the lists', () => {
  let t: TestApp;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  const alicePatients: { id: string; code: string }[] = [];
  let bobPatient: { id: string; code: string };
  let serial = 0;
  const codes: string[] = [];
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));
  const get = async (u: TestUser, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await auth(u) });

  async function addPatient(therapistId: string) {
    return t.database.kysely
      .insertInto('patients')
      .values({ therapist_id: therapistId })
      .returning(['id', 'patient_code as code'])
      .executeTakeFirstOrThrow();
  }

  /** A session row straight into the table (service context): only the list is under test. */
  async function addSession(
    patient: { id: string; code: string },
    sessionDate: string | null,
  ): Promise<string> {
    serial += 1;
    const code = `${patient.code}S${String(serial).padStart(3, '0')}`;
    await t.database.kysely
      .insertInto('therapy_sessions')
      .values({
        session_code: code,
        patient_id: patient.id,
        file_path: `c3d-examples/${patient.code}/f${serial}.c3d`,
        file_hash: createHash('sha256').update(code).digest('hex'),
        file_size_bytes: 1000 + serial,
        session_date: sessionDate,
      })
      .execute();
    return code;
  }

  /** Every page of a list by following next_cursor; fails on a loop. */
  async function walk(u: TestUser, path: string, limit: number): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const url = `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await get(u, url);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: Record<string, string>[]; next_cursor: string | null }>();
      pages.push(body.items.map((i) => i.session_code ?? i.patient_code!));
      cursor = body.next_cursor;
      expect(pages.length).toBeLessThan(100);
    } while (cursor);
    return pages;
  }

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    admin = await createUser(t.database, 'admin');
    alice = await createUser(t.database, 'therapist');
    bob = await createUser(t.database, 'therapist');
    for (let i = 0; i < 3; i++) alicePatients.push(await addPatient(alice.id));
    bobPatient = await addPatient(bob.id);
    // Ties on purpose: three sessions on the same instant (order by session_code), two a few
    // microseconds apart (the same millisecond), and undated ones listed by upload time.
    const dates = [
      '2024-03-01T10:00:00.000000Z',
      '2024-03-01T10:00:00.000000Z',
      '2024-03-01T10:00:00.000000Z',
      '2024-03-01T10:00:00.000001Z',
      '2024-03-01T10:00:00.000003Z',
      '2024-02-01T08:00:00Z',
      '2023-12-24T23:59:59.999999Z',
      null,
      null,
      '2025-01-01T00:00:00Z',
      '2024-03-01T09:59:59.999999Z',
    ];
    for (const [i, d] of dates.entries()) codes.push(await addSession(alicePatients[i % 3]!, d));
    for (let i = 0; i < 4; i++) await addSession(bobPatient, '2024-03-01T10:00:00Z');
  });
  afterAll(async () => t.close());

  it('walks every session of the caller exactly once, in the order of one big page', async () => {
    const whole = (await get(alice, '/sessions?limit=100')).json<{ items: Summary[]; total: number }>();
    expect(whole.total).toBe(11);
    const order = whole.items.map((s) => s.session_code);
    for (const limit of [1, 2, 3, 4, 5]) {
      const pages = await walk(alice, '/sessions', limit);
      expect(pages.flat()).toEqual(order);
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    }
    expect(order.some((c) => c.startsWith(bobPatient.code))).toBe(false);
    // Microseconds apart: the later first; the same instant: session_code desc.
    const start = order.indexOf(codes[4]!);
    expect(order.slice(start, start + 5)).toEqual([
      codes[4],
      codes[3],
      ...codes.slice(0, 3).sort().reverse(),
    ]);
  });

  it('keeps microsecond precision in the cursor (rows of the same millisecond are not skipped)', async () => {
    const pages = await walk(alice, '/sessions?from=2024-03-01T10:00:00Z&to=2024-03-01T10:00:01Z', 1);
    expect(pages.flat()).toHaveLength(5);
    expect(new Set(pages.flat()).size).toBe(5);
  });

  it('is stable under inserts: rows present at the start are seen once, none twice', async () => {
    const first = (await get(alice, '/sessions?limit=4')).json<{ items: Summary[]; next_cursor: string }>();
    const before = (await get(alice, '/sessions?limit=100')).json<{ items: Summary[] }>().items;
    // A newer session (lands before the cursor) and an older one (after it) arrive meanwhile.
    const newer = await addSession(alicePatients[0]!, '2026-01-01T00:00:00Z');
    const older = await addSession(alicePatients[1]!, '2020-01-01T00:00:00Z');
    const seen = first.items.map((s) => s.session_code);
    let cursor: string | null = first.next_cursor;
    while (cursor) {
      const res = await get(alice, `/sessions?limit=4&cursor=${cursor}`);
      const body: { items: Summary[]; next_cursor: string | null } = res.json();
      seen.push(...body.items.map((s: Summary) => s.session_code));
      cursor = body.next_cursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before.map((s) => s.session_code)));
    expect(seen).toContain(older);
    expect(seen).not.toContain(newer);
    // Offset pages are not stable: the same insert shifts the next offset page back by one.
    const o1 = (await get(alice, '/sessions?limit=4&offset=0')).json<{ items: Summary[] }>().items;
    await addSession(alicePatients[2]!, '2026-06-01T00:00:00Z');
    const o2 = (await get(alice, '/sessions?limit=4&offset=4')).json<{ items: Summary[] }>().items;
    expect(o2[0]!.session_code).toBe(o1[3]!.session_code);
  });

  it('counts as asked: estimated (exact when small) by default, none with a cursor, exact on demand', async () => {
    const first = (await get(alice, '/sessions?limit=2')).json();
    expect(first).toMatchObject({ count: 'exact', limit: 2, offset: 0 });
    expect(first.total).toBeGreaterThanOrEqual(11);
    const next = (await get(alice, `/sessions?limit=2&cursor=${first.next_cursor}`)).json();
    expect(next).toMatchObject({ total: null, count: 'none' });
    const exact = (await get(alice, `/sessions?limit=2&count=exact&cursor=${first.next_cursor}`)).json();
    expect(exact).toMatchObject({ total: first.total, count: 'exact' });
    expect((await get(alice, '/sessions?count=none')).json()).toMatchObject({ total: null, count: 'none' });
    expect((await get(bob, '/sessions?count=exact')).json()).toMatchObject({ total: 4, count: 'exact' });
  });

  it('refuses cursors that are not next_cursor values, a cursor with an offset, and pages over 100', async () => {
    const first = (await get(alice, '/sessions?limit=2')).json<{ next_cursor: string }>();
    const patientsCursor = (await get(admin, '/patients?limit=1')).json<{ next_cursor: string }>()
      .next_cursor;
    const bad = [
      '/sessions?cursor=bm90LWpzb24',
      `/sessions?cursor=${Buffer.from(JSON.stringify(['yesterday', 'P001S001'])).toString('base64url')}`,
      `/sessions?cursor=${patientsCursor}`,
      `/sessions?cursor=${first.next_cursor}&offset=2`,
      `/patients?cursor=${first.next_cursor}`,
    ];
    for (const url of bad) {
      const res = await get(alice, url);
      expect([url, res.statusCode, res.json().error]).toEqual([url, 400, 'invalid_cursor']);
    }
    expect((await get(alice, '/sessions?cursor=a.b')).statusCode).toBe(400);
    expect((await get(alice, '/sessions?limit=101')).statusCode).toBe(400);
    expect((await get(alice, '/sessions?limit=100')).statusCode).toBe(200);
    expect((await get(alice, '/sessions?count=maybe')).statusCode).toBe(400);
  });

  it('pages patients by code: a therapist sees their own, an admin all, each once', async () => {
    const mine = (await walk(alice, '/patients', 2)).flat();
    expect(mine).toEqual(alicePatients.map((p) => p.code).sort());
    const all = (await walk(admin, '/patients', 2)).flat();
    expect(all).toEqual([...alicePatients.map((p) => p.code), bobPatient.code].sort());
    // A cursor only says where to start: Bob's position does not reveal Alice's patients to him.
    const cursor = Buffer.from(JSON.stringify(['P000'])).toString('base64url');
    const bobs = (await get(bob, `/patients?cursor=${cursor}&count=exact`)).json();
    expect(bobs.items.map((p: { patient_code: string }) => p.patient_code)).toEqual([bobPatient.code]);
  });

  it('pages the other lists by cursor too: users, scoring configurations, notes (ties on created_at)', async () => {
    const tie = '2025-05-05T05:05:05.123456Z';
    for (let i = 0; i < 4; i++) {
      await t.database.kysely
        .insertInto('clinical_notes')
        .values({
          author_id: alice.id,
          patient_id: alicePatients[0]!.id,
          note_type: 'patient',
          content: `note ${i}`,
          ...(i < 3 ? { created_at: tie } : {}),
        })
        .execute();
    }
    const lists: [TestUser, string, string, number][] = [
      [admin, '/admin/users', 'id', 4],
      [admin, '/scoring/configurations/detailed', 'id', 1],
      [alice, `/patients/${alicePatients[0]!.code}/notes`, 'id', 4],
    ];
    for (const [who, path, key, least] of lists) {
      const whole = (await get(who, `${path}?limit=100`)).json<{ items: Record<string, string>[] }>();
      expect([path, whole.items.length >= least]).toEqual([path, true]);
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(who, `${path}?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect([path, res.statusCode]).toEqual([path, 200]);
        const body = res.json<{ items: Record<string, string>[]; next_cursor: string | null }>();
        walked.push(...body.items.map((i) => i[key]!));
        cursor = body.next_cursor;
      } while (cursor && walked.length < 200);
      expect([path, walked]).toEqual([path, whole.items.map((i) => i[key])]);
    }
  });
});
