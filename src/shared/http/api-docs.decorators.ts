import { applyDecorators, SetMetadata, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (error codes: validation_failed, bad_request, ...)',
  401: 'Missing or invalid access token (error codes: token_missing, token_invalid, token_expired, token_audience_invalid, user_unknown)',
  403: 'The caller may not do this (error codes: user_inactive, role_forbidden, forbidden)',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict with the current state',
  413: 'Upload larger than MAX_UPLOAD_BYTES (payload_too_large)',
  422: 'The file could not be read or analysed (the C3D reader error code)',
  429: 'Too many requests',
  503: 'A dependency is unavailable',
};

/** Documents error responses with the shared error body. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_TEXT[status] ?? 'Error', type: ErrorResponseDto }),
    ),
  );
}

/** Documents that a route needs a bearer token (enforced by the global guard) and its 401/403. */
export function ApiAuth() {
  return applyDecorators(ApiBearerAuth(), ApiErrors(401, 403));
}

/** Staff roles, as stored in user_profiles.role. */
export const ACCESS_ROLES = ['admin', 'therapist', 'researcher'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];
/** Metadata key read by the roles guard. */
export const ROLES_KEY = 'roles';

/**
 * Requires a bearer token and, when roles are given, one of those roles (enforced by the global
 * roles guard from the same metadata), and documents both: docs and enforcement cannot drift.
 */
export function Auth(...roles: AccessRole[]) {
  const decorators = [ApiAuth()];
  if (roles.length > 0) {
    decorators.push(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));
  }
  return applyDecorators(...decorators);
}

/** Documents a webhook secured by an HMAC signature header. */
export function ApiSignedWebhook() {
  return applyDecorators(ApiSecurity('webhookSignature'), ApiErrors(401));
}

export type { Type };
