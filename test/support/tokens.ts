import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../../src/infrastructure/database/database.js';
import type { UserRole } from '../../src/infrastructure/database/database.types.js';

export interface TestUser {
  id: string;
  email: string;
  role: UserRole;
}

/** Creates an account and profile directly (service context), without a password. */
export async function createUser(
  db: Database,
  role: UserRole,
  options: { active?: boolean; email?: string; lastName?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? `${role}-${randomUUID().slice(0, 8)}@test.local`;
  const { id } = await db.kysely
    .insertInto('auth.users')
    .values({ email })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('user_profiles')
    .values({
      id,
      role,
      active: options.active ?? true,
      first_name: 'Test',
      last_name: options.lastName ?? role,
    })
    .execute();
  return { id, email, role };
}

/** Supabase's access-token claims for a user; override any of them. */
export function supabaseClaims(user: { id: string; email: string }, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: user.id,
    email: user.email,
    aud: 'authenticated',
    role: 'authenticated',
    iat: now,
    exp: now + 3600,
    aal: 'aal1',
    session_id: randomUUID(),
    ...overrides,
  };
}

export function signHs256(secret: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

/** An unsigned `alg: none` token. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/**
 * A local stand-in for a Supabase project's JWKS endpoint (127.0.0.1, random port) with an ES256
 * and an RS256 key; `url` is what SUPABASE_URL should be, `fetches` counts JWKS requests.
 */
export interface FakeJwks {
  url: string;
  kids: { ES256: string; RS256: string };
  fetches(): number;
  /** Signs with the key of `alg` (default ES256); `kid` overrides the header's key id. */
  sign(claims: Record<string, unknown>, options?: { kid?: string; alg?: 'ES256' | 'RS256' }): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeJwks(): Promise<FakeJwks> {
  const ec = await generateKeyPair('ES256', { extractable: true });
  const rsa = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const kids = { ES256: `ec-${randomUUID().slice(0, 8)}`, RS256: `rsa-${randomUUID().slice(0, 8)}` };
  const keys: JWK[] = [
    { ...(await exportJWK(ec.publicKey)), kid: kids.ES256, alg: 'ES256', use: 'sig' },
    { ...(await exportJWK(rsa.publicKey)), kid: kids.RS256, alg: 'RS256', use: 'sig' },
  ];
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === '/auth/v1/.well-known/jwks.json') {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    kids,
    fetches: () => fetches,
    sign: (claims, options = {}) => {
      const alg = options.alg ?? 'ES256';
      return new SignJWT(claims)
        .setProtectedHeader({ alg, typ: 'JWT', kid: options.kid ?? kids[alg] })
        .sign(alg === 'ES256' ? ec.privateKey : rsa.privateKey);
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
