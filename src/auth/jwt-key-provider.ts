import { Injectable, Logger } from '@nestjs/common';
import { decodeProtectedHeader, type JWK } from 'jose';
import { createPublicKey, createSecretKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { AppConfig } from '../shared/config/app-config.js';
import { UnauthorizedError } from '../shared/errors/app-error.js';
import { TokenSigner } from './token-signer.js';

const JWKS_TTL_MS = 10 * 60 * 1000;
/** An unknown kid may mean rotated keys; refetch, but not more often than this. */
const JWKS_REFETCH_MIN_MS = 30 * 1000;
const ASYMMETRIC = ['ES256', 'RS256'] as const;

/**
 * Chooses the verification key for a token from its header: the HS256 secret (Supabase's
 * SUPABASE_JWT_SECRET, or the self-hosted signing secret), or the project's public key for
 * ES256/RS256 from the Supabase JWKS endpoint (cached). The key type is tied to the algorithm,
 * so an HS256 token can never be checked against a public key (algorithm confusion), and
 * `alg: none` or any other algorithm is refused before verification.
 */
@Injectable()
export class JwtKeyProvider {
  private readonly logger = new Logger(JwtKeyProvider.name);
  private jwks: { keys: Map<string, KeyObject>; fetchedAt: number } | undefined;
  private inflight: Promise<void> | undefined;
  /**
   * The HS256 secret as a KeyObject, made once: given raw bytes, jsonwebtoken first tries (and
   * fails) createPublicKey on every request, about 0.7 ms of the event loop each time.
   */
  private hmacKey: KeyObject | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly signer: TokenSigner,
  ) {}

  /** Algorithms passed to the verifier as a second, independent allow-list. */
  get algorithms(): string[] {
    return this.config.supabaseConfigured ? ['HS256', ...ASYMMETRIC] : ['HS256'];
  }

  async keyFor(rawToken: string): Promise<KeyObject> {
    let header: { alg?: string; kid?: string };
    try {
      header = decodeProtectedHeader(rawToken);
    } catch {
      throw new UnauthorizedError('token_invalid', 'Malformed access token');
    }
    const alg = header.alg ?? 'none';
    if (!this.algorithms.includes(alg)) {
      throw new UnauthorizedError('token_invalid', `Token algorithm ${alg} is not accepted`);
    }
    if (alg === 'HS256') return this.hmacSecret();
    if (!header.kid) throw new UnauthorizedError('token_invalid', 'Token has no key id');
    return this.publicKey(header.kid, alg);
  }

  private hmacSecret(): KeyObject {
    if (this.hmacKey) return this.hmacKey;
    if (!this.config.supabaseConfigured) return (this.hmacKey = createSecretKey(this.signer.secret));
    const secret = this.config.env.SUPABASE_JWT_SECRET;
    if (!secret)
      throw new UnauthorizedError('token_invalid', 'HS256 tokens are not accepted: no SUPABASE_JWT_SECRET');
    return (this.hmacKey = createSecretKey(new TextEncoder().encode(secret)));
  }

  private async publicKey(kid: string, alg: string): Promise<KeyObject> {
    const stale = !this.jwks || Date.now() - this.jwks.fetchedAt > JWKS_TTL_MS;
    const unknown =
      this.jwks && !this.jwks.keys.has(kid) && Date.now() - this.jwks.fetchedAt > JWKS_REFETCH_MIN_MS;
    if (stale || unknown) await this.refresh();
    const key = this.jwks?.keys.get(kid);
    if (!key) throw new UnauthorizedError('token_invalid', 'Token signed with an unknown key');
    const expectedType = alg === 'ES256' ? 'ec' : 'rsa';
    if (key.asymmetricKeyType !== expectedType) {
      throw new UnauthorizedError('token_invalid', `Key ${kid} does not match algorithm ${alg}`);
    }
    return key;
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.fetchJwks().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchJwks(): Promise<void> {
    const url = `${this.config.env.SUPABASE_URL!.replace(/\/$/, '')}/auth/v1/.well-known/jwks.json`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { keys?: JWK[] };
      const keys = new Map<string, KeyObject>();
      for (const jwk of body.keys ?? []) {
        if (!jwk.kid || (jwk.kty !== 'EC' && jwk.kty !== 'RSA')) continue;
        keys.set(jwk.kid, createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }));
      }
      this.jwks = { keys, fetchedAt: Date.now() };
    } catch (error) {
      // Keep the previous keys; a JWKS outage must not lock out tokens signed with known keys.
      this.logger.warn({ msg: 'JWKS fetch failed', url, error: String(error) });
      if (this.jwks) this.jwks.fetchedAt = Date.now();
    }
  }
}
