import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';

/** Who sent a request: the verified user when a token was given, its request id and address. */
export interface RequestSource {
  user: AuthUser | undefined;
  requestId: string;
  clientAddress: string;
}

/** For routes that also answer without a token (@AnonymousWhenEnabled()). */
export const Source = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestSource => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
  return { user: request.user, requestId: String(request.id), clientAddress: request.ip };
});
