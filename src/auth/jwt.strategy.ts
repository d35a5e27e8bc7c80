import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Algorithm } from 'jsonwebtoken';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { UnauthorizedError } from '../shared/errors/app-error.js';
import type { AuthUser } from './auth-user.js';
import { AuthProfileService } from './auth-profile.service.js';
import { TOKEN_AUDIENCE } from './token-signer.js';
import { JwtKeyProvider } from './jwt-key-provider.js';

/**
 * Verifies `Authorization: Bearer` tokens locally (no call to Supabase per request): key chosen
 * by {@link JwtKeyProvider}, audience `authenticated`, expiry enforced, then the profile lookup.
 * A token without `exp` is refused: the verifier only checks an expiry that is present, and such
 * a token would be valid forever.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    keys: JwtKeyProvider,
    private readonly profiles: AuthProfileService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (_request, rawToken: string, done) => {
        keys.keyFor(rawToken).then(
          (key) => done(null, key as never),
          (error: unknown) => done(error as Error),
        );
      },
      algorithms: keys.algorithms as Algorithm[],
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: false,
      passReqToCallback: false,
    });
  }

  async validate(payload: Record<string, unknown>): Promise<AuthUser> {
    if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) {
      throw new UnauthorizedError('token_invalid', 'Access token has no expiry (exp)');
    }
    return this.profiles.resolve(payload);
  }
}
