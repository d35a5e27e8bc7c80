import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SECRET = 'clinical-notes-e2e-secret-with-32-chars!';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe('clinical notes API', () => {
  let t: TestApp;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let researcher: TestUser;
  let code: string;
  let bobCode: string;
  let sessionCode: string;
  let filePath: string;
  const call = async (u: TestUser, method: Method, url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: bearer(await signHs256(SECRET, supabaseClaims(u))),
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    admin = await createUser(t.database, 'admin');
    alice = await createUser(t.database, 'therapist', { lastName: 'Alice' });
    bob = await createUser(t.database, 'therapist', { lastName: 'Bob' });
    researcher = await createUser(t.database, 'researcher');
    code = (await call(alice, 'POST', '/patients', {})).json().patient_code;
    bobCode = (await call(bob, 'POST', '/patients', {})).json().patient_code;
    const patient = await t.database.kysely
      .selectFrom('patients')
      .select('id')
      .where('patient_code', '=', code)
      .executeTakeFirstOrThrow();
    sessionCode = `${code}S001`;
    filePath = `c3d-examples/${code}/Ghostly_Emg_20230321_17-50-17-0881.c3d`;
    await t.database.kysely
      .insertInto('therapy_sessions')
      .values({
        session_code: sessionCode,
        patient_id: patient.id,
        file_path: filePath,
        file_hash: 'a'.repeat(64),
        file_size_bytes: 1000,
        game_metadata: '{}',
      })
      .execute();
  });
  afterAll(async () => t.close());

  it('writes a patient note in the caller’s name, trimmed, with the original’s default title', async () => {
    const res = await call(alice, 'POST', `/patients/${code.toLowerCase()}/notes`, {
      content: '  Tolerated the session well.  ',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      note_type: 'patient',
      title: 'Note Clinique',
      content: 'Tolerated the session well.',
      author_id: alice.id,
      patient_code: code,
      session_code: null,
      file_path: null,
    });
  });

  it('writes a file note from either form of the path, stored with the bucket', async () => {
    for (const path of [filePath, filePath.slice('c3d-examples/'.length)]) {
      const res = await call(alice, 'POST', `/patients/${code}/notes`, { content: 'File', file_path: path });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ note_type: 'file', file_path: filePath, patient_code: code });
    }
    const foreign = await call(alice, 'POST', `/patients/${code}/notes`, {
      content: 'x',
      file_path: `c3d-examples/${bobCode}/a.c3d`,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toBe('note_file_path_mismatch');
  });

  it('writes a session note that carries the session’s file path', async () => {
    const res = await call(alice, 'POST', `/sessions/${sessionCode.toLowerCase()}/notes`, {
      title: 'Séance 1',
      content: 'Good contractions on CH1.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      note_type: 'session',
      title: 'Séance 1',
      session_code: sessionCode,
      patient_code: code,
      file_path: filePath,
    });
  });

  it('lists a session’s notes with the notes on its file, including one the client wrote directly', async () => {
    // the original client's direct insert under the object key form
    await t.database.kysely
      .insertInto('clinical_notes')
      .values({
        author_id: alice.id,
        note_type: 'file',
        file_path: filePath.slice('c3d-examples/'.length),
        content: 'Written by the web client',
      })
      .execute();
    const res = await call(alice, 'GET', `/sessions/${sessionCode}/notes`);
    expect(res.statusCode).toBe(200);
    const notes = res.json().items as Array<{ note_type: string; content: string }>;
    expect(notes.map((n) => n.note_type).sort()).toEqual(['file', 'file', 'file', 'session']);
    expect(notes.some((n) => n.content === 'Written by the web client')).toBe(true);
    expect(res.json().total).toBe(4);
  });

  it('lists all of a patient’s notes newest first, filtered by type on request', async () => {
    const all = (await call(alice, 'GET', `/patients/${code}/notes`)).json();
    expect(all.total).toBe(5);
    const times = all.items.map((n: { created_at: string }) => n.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    const files = (await call(alice, 'GET', `/patients/${code}/notes?note_type=file&limit=2`)).json();
    expect(files).toMatchObject({ total: 3, limit: 2 });
    expect(files.items).toHaveLength(2);
    expect((await call(alice, 'GET', `/patients/${code}/notes?note_type=other`)).statusCode).toBe(400);
  });

  it('hides everything from another therapist (404) and refuses researchers (403)', async () => {
    const note = (await call(alice, 'POST', `/patients/${code}/notes`, { content: 'private' })).json();
    for (const [method, url, body] of [
      ['GET', `/patients/${code}/notes`, undefined],
      ['POST', `/patients/${code}/notes`, { content: 'x' }],
      ['GET', `/sessions/${sessionCode}/notes`, undefined],
      ['POST', `/sessions/${sessionCode}/notes`, { content: 'x' }],
      ['PATCH', `/notes/${note.id}`, { content: 'x' }],
      ['DELETE', `/notes/${note.id}`, undefined],
    ] as Array<[Method, string, object | undefined]>) {
      const res = await call(bob, method, url, body);
      expect([method, url, res.statusCode]).toEqual([method, url, 404]);
      expect(res.json().detail).toBe(res.json().message);
      expect((await call(researcher, method, url, body)).statusCode).toBe(403);
    }
    // nothing was written or removed
    expect((await call(alice, 'GET', `/patients/${code}/notes`)).json().total).toBe(6);
  });

  it('lets the author and admins edit and delete; the patient’s therapist only reads an admin’s note', async () => {
    const mine = (await call(alice, 'POST', `/patients/${code}/notes`, { content: 'draft' })).json();
    const edited = await call(alice, 'PATCH', `/notes/${mine.id}`, { content: 'final', title: 'Bilan' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ content: 'final', title: 'Bilan', author_id: alice.id });
    expect(Date.parse(edited.json().updated_at)).toBeGreaterThanOrEqual(Date.parse(mine.updated_at));

    const adminNote = (await call(admin, 'POST', `/patients/${code}/notes`, { content: 'by admin' })).json();
    expect(adminNote.author_id).toBe(admin.id);
    expect(
      (await call(alice, 'GET', `/patients/${code}/notes`)).json().items.map((n: { id: string }) => n.id),
    ).toContain(adminNote.id);
    const refused = await call(alice, 'PATCH', `/notes/${adminNote.id}`, { content: 'changed' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('note_edit_forbidden');
    expect((await call(alice, 'DELETE', `/notes/${adminNote.id}`)).statusCode).toBe(403);

    expect((await call(admin, 'PATCH', `/notes/${mine.id}`, { content: 'reviewed' })).json().content).toBe(
      'reviewed',
    );
    expect((await call(alice, 'DELETE', `/notes/${mine.id}`)).statusCode).toBe(204);
    expect((await call(alice, 'DELETE', `/notes/${mine.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', `/notes/${adminNote.id}`)).statusCode).toBe(204);
  });

  it.each([
    ['blank content', { content: '   ' }],
    ['content over 10 000 characters', { content: 'x'.repeat(10_001) }],
    ['another author', { content: 'x', author_id: '00000000-0000-4000-8000-000000000000' }],
    ['a note type', { content: 'x', note_type: 'session' }],
    ['a file path outside a patient folder', { content: 'x', file_path: 'c3d-examples/a.c3d' }],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await call(alice, 'POST', `/patients/${code}/notes`, body);
    expect(res.statusCode).toBe(400);
    expect(typeof res.json().detail).toBe('string');
  });

  it('refuses a malformed note id with 400 and an unknown one with 404', async () => {
    expect((await call(alice, 'PATCH', '/notes/not-a-uuid', { content: 'x' })).statusCode).toBe(400);
    const res = await call(alice, 'PATCH', '/notes/0b7a7b1e-1111-4222-8333-944445555666', { content: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('note_not_found');
  });

  it('refuses an inactive therapist', async () => {
    const gone = await createUser(t.database, 'therapist', { active: false });
    expect((await call(gone, 'GET', `/patients/${code}/notes`)).statusCode).toBe(403);
  });
});
