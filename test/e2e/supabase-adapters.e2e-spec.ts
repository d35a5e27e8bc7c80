import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { jwtVerify } from 'jose';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SupabaseIdentityProvider } from '../../src/auth/identity/supabase-identity.provider.js';
import {
  StorageObjectNotFoundError,
  StorageUnavailableError,
} from '../../src/infrastructure/storage/object-storage.js';
import { SupabaseStorage } from '../../src/infrastructure/storage/supabase-storage.js';
import { AppConfig } from '../../src/shared/config/app-config.js';
import { startFakeSupabase, type FakeSupabase } from '../support/fake-supabase.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';

const SERVICE_KEY = 'service-role-key-for-tests';
const SUPABASE_JWT_SECRET = 'supabase-adapters-jwt-secret-0123456789';
const JWT_SECRET = 'supabase-adapters-self-hosted-secret-012345';
const ENV = { SUPABASE_SERVICE_ROLE_KEY: SERVICE_KEY, SUPABASE_JWT_SECRET, JWT_SECRET };
const FIXTURE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';

/** Built from the validated config the way StorageModule's factory builds it. */
function storageFor(url: string, env: Record<string, string> = {}): SupabaseStorage {
  const { SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, STORAGE_BUCKET } = AppConfig.fromEnv({
    ...ENV,
    STORAGE_DRIVER: 'supabase',
    SUPABASE_URL: url,
    ...env,
  }).env;
  return new SupabaseStorage(SUPABASE_URL!, SUPABASE_SERVICE_ROLE_KEY!, STORAGE_BUCKET);
}

function identityFor(url: string, env: Record<string, string> = {}): SupabaseIdentityProvider {
  return new SupabaseIdentityProvider(AppConfig.fromEnv({ ...ENV, SUPABASE_URL: url, ...env }));
}

/** Runs `work` while the fake refuses connections (auth-js console.errors every failed fetch). */
async function whileStopped(fake: FakeSupabase, work: () => Promise<void>): Promise<void> {
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await fake.stop();
  try {
    await work();
  } finally {
    quiet.mockRestore();
    await fake.start();
  }
}

describe('SupabaseStorage against the Storage API', () => {
  let fake: FakeSupabase;
  let storage: SupabaseStorage;
  const objectUrl = (name: string) => `/storage/v1/object/${storage.bucket}/${name}`;

  beforeAll(async () => {
    fake = await startFakeSupabase({ serviceRoleKey: SERVICE_KEY });
    storage = storageFor(fake.url);
  });
  afterEach(() => fake.clearFaults());
  afterAll(async () => fake.close());

  it('round-trips 1 MB of binary exactly, sending the service-role key', async () => {
    const bytes = randomBytes(1 << 20);
    await storage.put('P001/P001S001-big.c3d', bytes, 'application/octet-stream');

    const upload = fake.requests.find(
      (r) => r.method === 'POST' && r.path === objectUrl('P001/P001S001-big.c3d'),
    );
    expect(upload?.headers).toMatchObject({
      apikey: SERVICE_KEY,
      authorization: `Bearer ${SERVICE_KEY}`,
      'x-upsert': 'true',
      'content-type': 'application/octet-stream',
    });
    expect(fake.object(storage.bucket, 'P001/P001S001-big.c3d')?.bytes.equals(bytes)).toBe(true);
    const back = await storage.get('P001/P001S001-big.c3d');
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back).equals(bytes)).toBe(true);
  });

  it('overwrites an existing object (upsert)', async () => {
    await storage.put('P001/again.c3d', Buffer.from('first'));
    await storage.put('P001/again.c3d', Buffer.from('second'));
    expect(Buffer.from(await storage.get('P001/again.c3d')).toString()).toBe('second');
  });

  it('raises StorageObjectNotFoundError for a missing object (HTTP 400, statusCode "404" in the body)', async () => {
    await expect(storage.get('P001/never-uploaded.c3d')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  // Storage accepts all of these in keys; supabase-js puts the name into the URL unencoded, so
  // `?` would end the path (the object landing as "P001/what") and `#` would be dropped.
  it.each([
    'P001/Ghostly Emg (copy 1).c3d',
    'P001/((nested)) and  two spaces.c3d',
    'P001/what?.c3d',
    'P001/a+b&c=d;e,f:g@h$i!.c3d',
    'P001/Sessão ñ 日本.c3d',
  ])('stores and reads back %j under exactly that name', async (name) => {
    const bytes = randomBytes(64);
    await storage.put(name, bytes);
    expect(fake.object(storage.bucket, name)?.bytes.equals(bytes)).toBe(true);
    expect(Buffer.from(await storage.get(name)).equals(bytes)).toBe(true);
    await storage.delete(name);
    expect(fake.object(storage.bucket, name)).toBeUndefined();
  });

  it('deletes through the bulk remove endpoint, and deleting a missing object is not an error', async () => {
    await storage.put('P001/gone.c3d', Buffer.from('x'));
    await storage.delete('P001/gone.c3d');
    expect(fake.object(storage.bucket, 'P001/gone.c3d')).toBeUndefined();
    const remove = fake.requests.findLast((r) => r.method === 'DELETE');
    expect(remove?.path).toBe(`/storage/v1/object/${storage.bucket}`);
    expect(JSON.parse(remove!.body.toString())).toEqual({ prefixes: ['P001/gone.c3d'] });
    await expect(storage.delete('P001/gone.c3d')).resolves.toBeUndefined();
  });

  it('turns a server error into StorageUnavailableError (transient), never not-found', async () => {
    await storage.put('P001/flaky.c3d', Buffer.from('x'));
    fake.fail({ method: 'GET', path: objectUrl('P001/flaky.c3d'), status: 500 });
    const failure = storage.get('P001/flaky.c3d');
    await expect(failure).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(failure).rejects.not.toBeInstanceOf(StorageObjectNotFoundError);
    fake.fail({ method: 'POST', path: objectUrl('P001/flaky-upload.c3d'), status: 503 });
    await expect(storage.put('P001/flaky-upload.c3d', Buffer.from('x'))).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
  });

  it('reports a missing bucket as unavailable, not as a missing object (which fails sessions for good)', async () => {
    const elsewhere = storageFor(fake.url, { STORAGE_BUCKET: 'no-such-bucket' });
    await expect(elsewhere.get('P001/x.c3d')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(elsewhere.put('P001/x.c3d', Buffer.from('x'))).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
  });

  it('reports an unreachable Storage as unavailable', async () => {
    await whileStopped(fake, async () => {
      await expect(storage.get('P001/P001S001-big.c3d')).rejects.toBeInstanceOf(StorageUnavailableError);
    });
  });

  it('checkWritable writes and removes a probe, and fails with a wrong key', async () => {
    await storage.checkWritable();
    expect(fake.requests.some((r) => r.method === 'POST' && r.path.startsWith(objectUrl('.health/')))).toBe(
      true,
    );
    expect(fake.objectNames(storage.bucket).filter((n) => n.startsWith('.health/'))).toEqual([]);
    const wrongKey = storageFor(fake.url, { SUPABASE_SERVICE_ROLE_KEY: 'not-the-service-role-key' });
    await expect(wrongKey.checkWritable()).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('SupabaseIdentityProvider against the GoTrue admin API', () => {
  let fake: FakeSupabase;
  let identity: SupabaseIdentityProvider;
  const newIdentity = (email: string, password = 'first-password-1') => ({
    email,
    password,
    metadata: { first_name: 'Tess', role: 'therapist' },
  });

  beforeAll(async () => {
    fake = await startFakeSupabase({ serviceRoleKey: SERVICE_KEY, jwtSecret: SUPABASE_JWT_SECRET });
    identity = identityFor(fake.url);
  });
  afterEach(() => fake.clearFaults());
  afterAll(async () => fake.close());

  it('creates a confirmed user with its metadata and returns its id', async () => {
    const created = await identity.createUser(newIdentity('Create@Clinic.test'));
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: 'create@clinic.test' });
    const request = fake.requests.findLast((r) => r.path === '/auth/v1/admin/users');
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({ apikey: SERVICE_KEY, authorization: `Bearer ${SERVICE_KEY}` });
    expect(JSON.parse(request!.body.toString())).toMatchObject({
      email_confirm: true,
      user_metadata: { role: 'therapist' },
    });
    const stored = fake.user(created.id);
    expect(stored?.emailConfirmedAt).not.toBeNull();
    expect(stored?.userMetadata).toEqual({ first_name: 'Tess', role: 'therapist' });
  });

  it('refuses a second account for the same e-mail with email_taken', async () => {
    await identity.createUser(newIdentity('twice@clinic.test'));
    await expect(identity.createUser(newIdentity('TWICE@clinic.test'))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'email_taken',
    });
  });

  it('reports a password GoTrue finds too weak as weak_password, not as email_taken (both are 422)', async () => {
    await expect(identity.createUser(newIdentity('weak@clinic.test', 'abc'))).rejects.toMatchObject({
      kind: 'unprocessable',
      code: 'weak_password',
    });
    expect(fake.userByEmail('weak@clinic.test')).toBeUndefined();
  });

  it('signs in with the password grant and returns GoTrue’s access token', async () => {
    const { id } = await identity.createUser(newIdentity('login@clinic.test'));
    const signedIn = await identity.signIn('login@clinic.test', 'first-password-1');
    expect(signedIn).toMatchObject({ userId: id, email: 'login@clinic.test', expiresIn: 3600 });
    const { payload } = await jwtVerify(signedIn.accessToken, new TextEncoder().encode(SUPABASE_JWT_SECRET), {
      audience: 'authenticated',
    });
    expect(payload.sub).toBe(id);
    const grant = fake.requests.findLast((r) => r.path === '/auth/v1/token');
    expect(grant?.query.get('grant_type')).toBe('password');
    await expect(identity.signIn('login@clinic.test', 'wrong-password')).rejects.toMatchObject({
      kind: 'unauthorized',
      code: 'invalid_credentials',
    });
  });

  it('setPassword changes what the password grant accepts', async () => {
    const { id } = await identity.createUser(newIdentity('reset@clinic.test'));
    await identity.setPassword(id, 'second-password-2');
    const update = fake.requests.findLast((r) => r.path === `/auth/v1/admin/users/${id}`);
    expect(update?.method).toBe('PUT');
    expect(JSON.parse(update!.body.toString())).toEqual({ password: 'second-password-2' });
    await expect(identity.signIn('reset@clinic.test', 'first-password-1')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(identity.signIn('reset@clinic.test', 'second-password-2')).resolves.toMatchObject({
      userId: id,
    });
  });

  it('setPassword on an unknown user is user_not_found, a weak one weak_password', async () => {
    await expect(
      identity.setPassword('00000000-0000-4000-8000-000000000000', 'long-enough-1'),
    ).rejects.toMatchObject({
      kind: 'not_found',
      code: 'user_not_found',
    });
    const { id } = await identity.createUser(newIdentity('weak-reset@clinic.test'));
    await expect(identity.setPassword(id, 'abc')).rejects.toMatchObject({ code: 'weak_password' });
  });

  it('deleteUser removes the account, and deleting it again is not an error', async () => {
    const { id } = await identity.createUser(newIdentity('delete@clinic.test'));
    await identity.deleteUser(id);
    expect(fake.user(id)).toBeUndefined();
    expect(fake.requests.findLast((r) => r.path === `/auth/v1/admin/users/${id}`)?.method).toBe('DELETE');
    await expect(identity.signIn('delete@clinic.test', 'first-password-1')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    // rollbacks call deleteUser; a user already gone must not turn into a 503
    await expect(identity.deleteUser(id)).resolves.toBeUndefined();
  });

  it('reports an unreachable or failing GoTrue as identity_unavailable, never as wrong credentials', async () => {
    await identity.createUser(newIdentity('outage@clinic.test'));
    await whileStopped(fake, async () => {
      // a 401 here would also count against the user in the login rate limiter
      await expect(identity.signIn('outage@clinic.test', 'first-password-1')).rejects.toMatchObject({
        kind: 'unavailable',
        code: 'identity_unavailable',
      });
      await expect(identity.createUser(newIdentity('during-outage@clinic.test'))).rejects.toMatchObject({
        code: 'identity_unavailable',
      });
    });
    fake.fail({ path: '/auth/v1/token', status: 500 });
    await expect(identity.signIn('outage@clinic.test', 'first-password-1')).rejects.toMatchObject({
      code: 'identity_unavailable',
    });
    fake.fail({ path: '/auth/v1/admin/users', status: 502 });
    await expect(identity.createUser(newIdentity('bad-gateway@clinic.test'))).rejects.toMatchObject({
      code: 'identity_unavailable',
    });
  });

  it('reports a wrong service-role key as identity_unavailable, not as the user’s fault', async () => {
    await identity.createUser(newIdentity('key@clinic.test'));
    const misconfigured = identityFor(fake.url, { SUPABASE_SERVICE_ROLE_KEY: 'not-the-service-role-key' });
    await expect(misconfigured.signIn('key@clinic.test', 'first-password-1')).rejects.toMatchObject({
      code: 'identity_unavailable',
    });
    await expect(misconfigured.createUser(newIdentity('key2@clinic.test'))).rejects.toMatchObject({
      code: 'identity_unavailable',
    });
  });
});

describe('the app on STORAGE_DRIVER=supabase', () => {
  let fake: FakeSupabase;
  let t: TestApp;
  let therapist: TestUser;
  let admin: TestUser;
  let patientCode: string;
  const auth = async (u: TestUser) => bearer(await signHs256(SUPABASE_JWT_SECRET, supabaseClaims(u)));

  beforeAll(async () => {
    fake = await startFakeSupabase({
      serviceRoleKey: SERVICE_KEY,
      jwtSecret: SUPABASE_JWT_SECRET,
      // GoTrue and the service share the project database: user_profiles references auth.users
      onUserCreated: async (user) => {
        await t.database.kysely.insertInto('auth.users').values({ id: user.id, email: user.email }).execute();
      },
      onUserDeleted: async (id) => {
        await t.database.kysely.deleteFrom('auth.users').where('id', '=', id).execute();
      },
    });
    t = await createTestApp({ ...ENV, STORAGE_DRIVER: 'supabase', SUPABASE_URL: fake.url });
    therapist = await createUser(t.database, 'therapist');
    admin = await createUser(t.database, 'admin');
    const p = await t.app.inject({
      method: 'POST',
      url: '/patients',
      headers: await auth(therapist),
      payload: {},
    });
    expect(p.statusCode).toBe(201);
    patientCode = p.json().patient_code;
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('stores an upload in the Supabase bucket, processes it from there, and scores it', async () => {
    const content = ghostly(FIXTURE);
    const body = multipart({ name: FIXTURE, content }, { patient_code: patientCode });
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth(therapist)), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    const code: string = res.json().session_code;
    const status = await waitForSession(t, await auth(therapist), code);
    expect(status).toMatchObject({ status: 'completed', error_code: null });

    const detail = (
      await t.app.inject({ method: 'GET', url: `/sessions/${code}`, headers: await auth(therapist) })
    ).json();
    // where the original client lists the patient's files, as the webhook stores them
    expect(detail.file_path).toBe(`c3d-examples/${patientCode}/${FIXTURE}`);
    const objectPath = detail.file_path.slice('c3d-examples/'.length);
    expect(fake.object('c3d-examples', objectPath)?.bytes.equals(content)).toBe(true);
    // the worker read the file back from Storage, and nothing went to the local disk
    expect(
      fake.requests.some((r) => r.method === 'GET' && r.path === `/storage/v1/object/${detail.file_path}`),
    ).toBe(true);
    expect(existsSync(join(t.dataDir, 'storage'))).toBe(false);
    expect(detail.performance_scores.overall_score).toBeCloseTo(78.25, 2);
  });

  it('readiness probes the bucket: up while Storage answers, 503 when it is gone', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.storage).toBe('up');
    expect(
      fake.requests.some(
        (r) => r.method === 'POST' && r.path.startsWith('/storage/v1/object/c3d-examples/.health/'),
      ),
    ).toBe(true);
    await whileStopped(fake, async () => {
      const down = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(down.statusCode).toBe(503);
      expect(down.json().details.checks).toMatchObject({ database: 'up', storage: 'down' });
    });
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });

  it('creates users in Supabase Auth and logs them in with GoTrue’s token', async () => {
    const payload = {
      email: 'nurse@clinic.test',
      password: 'nurse-password-1',
      role: 'therapist',
      first_name: 'N',
      last_name: 'R',
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/admin/users',
      headers: await auth(admin),
      payload,
    });
    expect(created.statusCode).toBe(201);
    const id: string = created.json().user.id;
    expect(fake.user(id)?.userMetadata).toMatchObject({ role: 'therapist', created_by: admin.id });
    const again = await t.app.inject({
      method: 'POST',
      url: '/admin/users',
      headers: await auth(admin),
      payload,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('email_taken');

    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: payload.email, password: payload.password },
    });
    expect(login.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/me', headers: bearer(login.json().access_token) });
    expect(me.json()).toMatchObject({ id, email: 'nurse@clinic.test', role: 'therapist' });

    await whileStopped(fake, async () => {
      const outage = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: payload.email, password: payload.password },
      });
      expect(outage.statusCode).toBe(503);
      expect(outage.json().error).toBe('identity_unavailable');
    });
  });
});
