import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../shared/errors/app-error.js';
import { type AccessRole, ROLES_KEY } from '../shared/http/api-docs.decorators.js';
import type { AuthUser } from './auth-user.js';

/** Enforces the roles named by @Auth(...roles). Runs after the JWT guard. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<AccessRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user || !roles.includes(user.role)) {
      throw new ForbiddenError('role_forbidden', `This action requires the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
