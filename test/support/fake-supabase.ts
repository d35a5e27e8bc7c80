import { SignJWT } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for a Supabase project (127.0.0.1, random port) with what the storage and
 * identity adapters call through supabase-js: Storage's object upload, download and bulk remove,
 * and GoTrue's admin users API and password grant. Paths, methods, status codes and bodies follow
 * supabase/storage and supabase/auth, quirks included: Storage answers every error but a 500 with
 * HTTP 400 and the real status in the body's `statusCode`, and GoTrue picks its error shape by the
 * X-Supabase-Api-Version request header. State lives in memory; every request is recorded.
 */
export interface RecordedRequest {
  method: string;
  /** Percent-decoded, as Supabase's routers hand it on: /storage/v1/object/<bucket>/<name>. */
  path: string;
  /** The path exactly as it arrived on the wire. */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface StoredObject {
  id: string;
  bytes: Buffer;
  contentType: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeAuthUser {
  id: string;
  email: string;
  password: string;
  emailConfirmedAt: string | null;
  userMetadata: Record<string, unknown>;
  appMetadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

/** Answers `status` (as the HTTP status) to matching requests, `times` times or until cleared. */
export interface FaultRule {
  method?: string;
  /** Matched against the decoded path. */
  path: string | RegExp;
  status: number;
  times?: number;
}

export interface FakeSupabaseOptions {
  serviceRoleKey: string;
  /** Signs the password grant's access tokens (HS256), as SUPABASE_JWT_SECRET does on a project. */
  jwtSecret?: string;
  /** Buckets that exist; default the service's default bucket. */
  buckets?: string[];
  /** GoTrue's PASSWORD_MIN_LENGTH (default 6). */
  minPasswordLength?: number;
  /**
   * GoTrue writes to the project's own auth.users, which the service's tables reference; these
   * hooks let a test mirror that into its database. A throw fails the request with a 500.
   */
  onUserCreated?: (user: FakeAuthUser) => Promise<void> | void;
  onUserDeleted?: (id: string) => Promise<void> | void;
}

export interface FakeSupabase {
  url: string;
  readonly requests: RecordedRequest[];
  object(bucket: string, name: string): StoredObject | undefined;
  objectNames(bucket: string): string[];
  user(id: string): FakeAuthUser | undefined;
  userByEmail(email: string): FakeAuthUser | undefined;
  fail(rule: FaultRule): void;
  clearFaults(): void;
  /** Refuses connections (and drops open ones) until start(); the port is kept. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A request as the fake services see it: what is recorded, and a way to answer. */
interface Exchange extends RecordedRequest {
  send(status: number, body: unknown, headers?: Record<string, string>): void;
}

const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024 = '2024-01-01';
const TOKEN_TTL_S = 3600;

// ---- Storage (supabase/storage: src/http/routes/object, src/storage/limits.ts, src/internal/errors) ----

class FakeStorage {
  readonly buckets: Map<string, Map<string, StoredObject>>;

  constructor(
    private readonly key: string,
    names: string[],
  ) {
    this.buckets = new Map(names.map((b) => [b, new Map<string, StoredObject>()]));
  }

  handle(req: Exchange, rest: string): void {
    if (req.headers.authorization !== `Bearer ${this.key}`) {
      return storageError(req, 403, 'Unauthorized', 'invalid signature');
    }
    const m = /^\/object\/(?:authenticated\/)?([^/]+)(?:\/(.+))?$/.exec(rest);
    if (!m) return routeNotFound(req);
    const bucketName = m[1]!;
    const name = m[2];
    const bucket = this.buckets.get(bucketName);
    if (!bucket) return storageError(req, 404, 'Bucket not found', 'Bucket not found');
    if (name === undefined)
      return req.method === 'DELETE' ? this.remove(req, bucketName, bucket) : routeNotFound(req);
    if (!isValidKey(name)) return storageError(req, 400, 'InvalidKey', `Invalid key: ${name}`);
    if (req.method === 'GET') return this.download(req, bucket.get(name));
    if (req.method === 'POST' || req.method === 'PUT') return this.upload(req, bucketName, bucket, name);
    return routeNotFound(req);
  }

  private download(req: Exchange, o: StoredObject | undefined): void {
    if (!o) return storageError(req, 404, 'not_found', 'Object not found');
    req.send(200, o.bytes, {
      'content-type': o.contentType,
      etag: `"${o.id}"`,
      'last-modified': new Date(o.updatedAt).toUTCString(),
      'cache-control': 'max-age=3600',
    });
  }

  private upload(req: Exchange, bucketName: string, bucket: Map<string, StoredObject>, name: string): void {
    const existing = bucket.get(name);
    const contentType = req.headers['content-type'] ?? 'application/octet-stream';
    // storage-js sends multipart only for Blob/FormData bodies, which the adapter never passes
    if (contentType.startsWith('multipart/')) {
      return storageError(req, 400, 'InvalidRequest', 'fake-supabase implements raw-body uploads only');
    }
    if (req.method === 'POST' && existing && req.headers['x-upsert'] !== 'true') {
      return storageError(req, 409, 'Duplicate', 'The resource already exists');
    }
    if (req.method === 'PUT' && !existing) return storageError(req, 404, 'not_found', 'Object not found');
    const now = new Date().toISOString();
    const id = existing?.id ?? randomUUID();
    bucket.set(name, {
      id,
      bytes: req.body,
      contentType,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    req.send(200, { Id: id, Key: `${bucketName}/${name}` });
  }

  /** DELETE /object/<bucket> {prefixes}: answers the objects it removed; absent names are skipped. */
  private remove(req: Exchange, bucketName: string, bucket: Map<string, StoredObject>): void {
    const prefixes = (parseJson(req.body) as { prefixes?: unknown } | undefined)?.prefixes;
    if (!Array.isArray(prefixes)) {
      return storageError(req, 400, 'Bad Request', "body must have required property 'prefixes'");
    }
    const removed = prefixes.flatMap((name: unknown) => {
      const o = typeof name === 'string' ? bucket.get(name) : undefined;
      if (!o) return [];
      bucket.delete(name as string);
      return [fileObject(bucketName, name as string, o)];
    });
    req.send(200, removed);
  }
}

/** Every storage error but a 500 goes out as HTTP 400, the real status only in the body. */
function storageError(req: Exchange, status: number, error: string, message: string): void {
  req.send(status >= 500 ? status : 400, { statusCode: String(status), error, message });
}

/**
 * supabase/storage's isValidKey: S3's "characters to avoid", controls, `.`/`..` segments and more
 * than 1024 UTF-8 bytes are refused; spaces, parentheses, `?`, `+`, `&` and non-ASCII are fine.
 */
function isValidKey(name: string): boolean {
  return (
    // eslint-disable-next-line no-control-regex
    /^[^\u0000-\u001f\u007f#[\]{}^`"<>\\|%~]+$/u.test(name) &&
    !/(^|\/)\.{1,2}(\/|$)/.test(name) &&
    Buffer.byteLength(name) <= 1024
  );
}

function fileObject(bucket: string, name: string, o: StoredObject) {
  return {
    name,
    bucket_id: bucket,
    owner: '',
    id: o.id,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    last_accessed_at: o.updatedAt,
    metadata: {
      size: o.bytes.length,
      mimetype: o.contentType,
      cacheControl: 'max-age=3600',
      httpStatusCode: 200,
    },
  };
}

// ---- Auth (supabase/auth: internal/api/admin.go, token.go, errors.go) ----

class FakeAuth {
  readonly users = new Map<string, FakeAuthUser>();
  private readonly jwtKey: Uint8Array;
  private readonly minPassword: number;

  constructor(
    private readonly options: FakeSupabaseOptions,
    private readonly issuer: () => string,
  ) {
    this.jwtKey = new TextEncoder().encode(options.jwtSecret ?? randomBytes(32).toString('hex'));
    this.minPassword = options.minPasswordLength ?? 6;
  }

  byEmail(email: string): FakeAuthUser | undefined {
    return [...this.users.values()].find((u) => u.email === email.toLowerCase());
  }

  private add(fields: {
    email: string;
    password: string;
    confirmed: boolean;
    metadata?: Record<string, unknown>;
  }) {
    const now = new Date().toISOString();
    const user: FakeAuthUser = {
      id: randomUUID(),
      email: fields.email.trim().toLowerCase(),
      password: fields.password,
      emailConfirmedAt: fields.confirmed ? now : null,
      userMetadata: fields.metadata ?? {},
      appMetadata: { provider: 'email', providers: ['email'] },
      createdAt: now,
      updatedAt: now,
      lastSignInAt: null,
    };
    this.users.set(user.id, user);
    return user;
  }

  async handle(req: Exchange, rest: string): Promise<void> {
    if (req.method === 'POST' && rest === '/token') return this.passwordGrant(req);
    const m = /^\/admin\/users(?:\/([^/]+))?$/.exec(rest);
    if (!m) return routeNotFound(req);
    const authorization = req.headers.authorization;
    if (!authorization)
      return authError(req, 401, 'no_authorization', 'This endpoint requires a Bearer token');
    if (authorization !== `Bearer ${this.options.serviceRoleKey}`) {
      return authError(req, 403, 'not_admin', 'User not allowed');
    }
    const body = (parseJson(req.body) ?? {}) as Record<string, unknown>;
    if (m[1] === undefined) return req.method === 'POST' ? this.create(req, body) : routeNotFound(req);
    const user = this.users.get(m[1]);
    if (!user) return authError(req, 404, 'user_not_found', 'User not found');
    if (req.method === 'PUT') return this.update(req, user, body);
    if (req.method === 'DELETE') return this.remove(req, user);
    return routeNotFound(req);
  }

  private async create(req: Exchange, body: Record<string, unknown>): Promise<void> {
    const email = typeof body.email === 'string' ? body.email : '';
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      return authError(req, 400, 'validation_failed', 'Unable to validate email address: invalid format');
    }
    if (this.byEmail(email.trim())) {
      return authError(
        req,
        422,
        'email_exists',
        'A user with this email address has already been registered',
      );
    }
    if (this.refusesPassword(req, body.password)) return;
    const user = this.add({
      email,
      // GoTrue generates one when none is given
      password: typeof body.password === 'string' && body.password !== '' ? body.password : randomUUID(),
      confirmed: body.email_confirm === true,
      metadata: (body.user_metadata ?? {}) as Record<string, unknown>,
    });
    try {
      await this.options.onUserCreated?.(user);
    } catch (error) {
      this.users.delete(user.id);
      return authError(req, 500, 'unexpected_failure', `Database error creating new user: ${String(error)}`);
    }
    req.send(200, userJson(user));
  }

  private update(req: Exchange, user: FakeAuthUser, body: Record<string, unknown>): void {
    if (this.refusesPassword(req, body.password)) return;
    if (typeof body.password === 'string') user.password = body.password;
    if (body.user_metadata) user.userMetadata = body.user_metadata as Record<string, unknown>;
    if (body.email_confirm === true) user.emailConfirmedAt ??= new Date().toISOString();
    user.updatedAt = new Date().toISOString();
    req.send(200, userJson(user));
  }

  private async remove(req: Exchange, user: FakeAuthUser): Promise<void> {
    this.users.delete(user.id);
    await this.options.onUserDeleted?.(user.id);
    req.send(200, {});
  }

  /** GoTrue's checkPasswordStrength: a 422 weak_password naming the reasons. */
  private refusesPassword(req: Exchange, password: unknown): boolean {
    if (typeof password !== 'string' || password.length >= this.minPassword) return false;
    authError(req, 422, 'weak_password', `Password should be at least ${this.minPassword} characters.`, {
      weak_password: { reasons: ['length'] },
    });
    return true;
  }

  private async passwordGrant(req: Exchange): Promise<void> {
    if (req.query.get('grant_type') !== 'password') {
      return authError(req, 400, 'validation_failed', 'unsupported_grant_type');
    }
    const body = (parseJson(req.body) ?? {}) as { email?: unknown; password?: unknown };
    const user = typeof body.email === 'string' ? this.byEmail(body.email) : undefined;
    if (!user || user.password !== body.password) {
      return authError(req, 400, 'invalid_credentials', 'Invalid login credentials');
    }
    if (!user.emailConfirmedAt) return authError(req, 400, 'email_not_confirmed', 'Email not confirmed');
    user.lastSignInAt = new Date().toISOString();
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({
      email: user.email,
      phone: '',
      app_metadata: user.appMetadata,
      user_metadata: user.userMetadata,
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: now }],
      session_id: randomUUID(),
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(`${this.issuer()}/auth/v1`)
      .setSubject(user.id)
      .setAudience('authenticated')
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_TTL_S)
      .sign(this.jwtKey);
    req.send(200, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: TOKEN_TTL_S,
      expires_at: now + TOKEN_TTL_S,
      refresh_token: randomBytes(12).toString('base64url'),
      user: userJson(user),
    });
  }
}

/** `{code, message}` from API version 2024-01-01 on (what auth-js asks for), `{code, error_code, msg}` before. */
function authError(req: Exchange, status: number, code: string, message: string, extra: object = {}): void {
  if (String(req.headers[API_VERSION_HEADER] ?? '') >= API_VERSION_2024) {
    return req.send(status, { code, message, ...extra }, { [API_VERSION_HEADER]: API_VERSION_2024 });
  }
  req.send(status, { code: status, error_code: code, msg: message, ...extra });
}

function userJson(u: FakeAuthUser) {
  const identity = {
    email: u.email,
    email_verified: u.emailConfirmedAt !== null,
    phone_verified: false,
    sub: u.id,
  };
  return {
    id: u.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: u.email,
    email_confirmed_at: u.emailConfirmedAt,
    confirmed_at: u.emailConfirmedAt,
    phone: '',
    last_sign_in_at: u.lastSignInAt,
    app_metadata: u.appMetadata,
    user_metadata: u.userMetadata,
    identities: [{ id: u.id, user_id: u.id, identity_data: identity, provider: 'email', email: u.email }],
    created_at: u.createdAt,
    updated_at: u.updatedAt,
    is_anonymous: false,
  };
}

// ---- HTTP ----

export async function startFakeSupabase(options: FakeSupabaseOptions): Promise<FakeSupabase> {
  const key = options.serviceRoleKey;
  const storage = new FakeStorage(key, options.buckets ?? ['c3d-examples']);
  let url = '';
  const auth = new FakeAuth(options, () => url);
  const requests: RecordedRequest[] = [];
  let faults: FaultRule[] = [];

  const route = async (req: Exchange): Promise<void> => {
    const { send: _send, ...recorded } = req;
    requests.push(recorded);
    const fault = faults.find((f) => (f.method ?? req.method) === req.method && matches(f.path, req.path));
    if (fault) {
      if (fault.times !== undefined && --fault.times <= 0) faults = faults.filter((f) => f !== fault);
      return req.send(fault.status, {
        statusCode: String(fault.status),
        error: 'internal',
        message: 'Internal server error',
      });
    }
    // the API gateway in front of every service wants the project key in `apikey`
    if (req.headers.apikey === undefined) return req.send(401, { message: 'No API key found in request' });
    if (req.headers.apikey !== key) return req.send(401, { message: 'Invalid API key' });
    if (req.path.startsWith('/storage/v1/')) return storage.handle(req, req.path.slice('/storage/v1'.length));
    if (req.path.startsWith('/auth/v1/')) return auth.handle(req, req.path.slice('/auth/v1'.length));
    return routeNotFound(req);
  };

  const server: Server = createServer((raw, res) => {
    exchange(raw, res)
      .then(route)
      .catch((error: unknown) => {
        // a bug in the fake must surface in the test, not hang the client
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake-supabase failed: ${String(error)}`);
      });
  });
  let port = 0;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      if (!server.listening) return resolve();
      server.close((e) => (e ? reject(e) : resolve()));
      // supabase-js keeps connections alive; without this close() would wait for them
      server.closeAllConnections();
    });
  await start();
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    requests,
    object: (bucket, name) => storage.buckets.get(bucket)?.get(name),
    objectNames: (bucket) => [...(storage.buckets.get(bucket)?.keys() ?? [])].sort(),
    user: (id) => auth.users.get(id),
    userByEmail: (email) => auth.byEmail(email),
    fail: (rule) => void faults.push({ ...rule }),
    clearFaults: () => void (faults = []),
    stop,
    start,
    close: stop,
  };
}

async function exchange(raw: IncomingMessage, res: ServerResponse): Promise<Exchange> {
  const chunks: Buffer[] = [];
  for await (const chunk of raw) chunks.push(chunk as Buffer);
  const parsed = new URL(raw.url ?? '/', 'http://fake');
  return {
    method: raw.method ?? 'GET',
    path: safeDecode(parsed.pathname),
    rawPath: parsed.pathname,
    query: parsed.searchParams,
    headers: raw.headers,
    body: Buffer.concat(chunks),
    send: (status, body, headers = {}) => {
      const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
        'content-length': payload.length,
      });
      res.end(payload);
    },
  };
}

/** Storage's (Fastify's) answer to an unknown route; no adapter call should ever get it. */
function routeNotFound(req: Exchange): void {
  req.send(404, {
    statusCode: 404,
    error: 'Not Found',
    message: `Route ${req.method}:${req.rawPath} not found`,
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // a malformed escape stays as it is, as find-my-way leaves it
    return path;
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}
