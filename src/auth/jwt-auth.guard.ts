import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC_KEY } from '../shared/decorators/public.decorator.js';
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

/** The one global authentication guard. Routes opt out with @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser = AuthUser>(err: unknown, user: unknown, info: unknown): TUser {
    if (err) throw err instanceof AppError ? err : tokenError(err);
    if (!user) throw tokenError(info);
    return user as TUser;
  }
}
