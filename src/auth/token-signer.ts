import { Injectable, Logger } from '@nestjs/common';
import { SignJWT } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppConfig } from '../shared/config/app-config.js';

export const TOKEN_AUDIENCE = 'authenticated';
export const SELF_HOSTED_ISSUER = 'emg-c3d-service/auth';

export interface TokenSubject {
  id: string;
  email: string;
}

/**
 * Signs self-hosted access tokens (HS256) with the same claims as a Supabase access token, so
 * nothing downstream can tell the two apart. The secret is JWT_SECRET, or one generated on first
 * start and kept under DATA_DIR (mode 0600).
 */
@Injectable()
export class TokenSigner {
  private readonly logger = new Logger(TokenSigner.name);
  readonly secret: Uint8Array;

  constructor(private readonly config: AppConfig) {
    this.secret = new TextEncoder().encode(config.env.JWT_SECRET ?? this.persistedSecret());
  }

  get expiresIn(): number {
    return this.config.env.JWT_EXPIRES_IN_SECONDS;
  }

  async sign(subject: TokenSubject): Promise<string> {
    return new SignJWT({
      email: subject.email,
      role: 'authenticated',
      aal: 'aal1',
      session_id: randomUUID(),
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject.id)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuer(SELF_HOSTED_ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.expiresIn}s`)
      .sign(this.secret);
  }

  private persistedSecret(): string {
    const file = join(this.config.dataDir, 'jwt-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    if (!this.config.embeddedDatabase) {
      this.logger.warn({
        msg: 'JWT_SECRET is not set: generated one under DATA_DIR; set it to share tokens across instances',
      });
    }
    mkdirSync(dirname(file), { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process sharing DATA_DIR wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
      throw error;
    }
    chmodSync(file, 0o600);
    return secret;
  }
}
