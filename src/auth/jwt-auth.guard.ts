import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ANONYMOUS_ALLOWED_KEY } from '../shared/decorators/anonymous.decorator.js';
import { IS_PUBLIC_KEY } from '../shared/decorators/public.decorator.js';
import { AppConfig } from '../shared/config/app-config.js';
import { AnonymousRateLimiter } from './anonymous-rate-limiter.js';
import { AppError, UnauthorizedError } from '../shared/errors/app-error.js';
import type { AuthUser } from './auth-user.js';

/** passport-jwt's verification failures, turned into stable error codes. */
function tokenError(info: unknown): AppError {
  if (info instanceof AppError) return info;
  const name = info instanceof Error ? info.name : '';
  const message = info instanceof Error ? info.message : '';
  if (name === 'TokenExpiredError') return new UnauthorizedError('token_expired', 'Access token expired');
  if (message === 'No auth token')
    return new UnauthorizedError('token_missing', 'Bearer access token required');
  if (message.startsWith('jwt audience invalid')) {
    return new UnauthorizedError('token_audience_invalid', 'Access token has the wrong audience');
  }
  return new UnauthorizedError('token_invalid', 'Invalid access token');
}

/**
 * The one global authentication guard. Routes opt out with @Public(); routes marked
 * @AnonymousWhenEnabled() also admit requests without an Authorization header when
 * ANONYMOUS_ANALYSIS=true (rate-limited per address).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly anonymousLimiter: AnonymousRateLimiter,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    if (
      this.config.env.ANONYMOUS_ANALYSIS &&
      this.reflector.getAllAndOverride<boolean>(ANONYMOUS_ALLOWED_KEY, targets)
    ) {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (request.headers.authorization === undefined) {
        this.anonymousLimiter.take(request.ip);
        return true;
      }
    }
    return super.canActivate(context);
  }

  override handleRequest<TUser = AuthUser>(err: unknown, user: unknown, info: unknown): TUser {
    if (err) throw err instanceof AppError ? err : tokenError(err);
    if (!user) throw tokenError(info);
    return user as TUser;
  }
}
