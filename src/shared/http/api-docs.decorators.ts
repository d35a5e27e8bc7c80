import { applyDecorators, SetMetadata, type Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtension,
  ApiExtraModels,
  ApiResponse,
  ApiSecurity,
  getSchemaPath,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';

/** One documented error answer of a route: its status, stable code and a real message. */
export interface ErrorExample {
  status: number;
  code: string;
  message: string;
}

const TITLE: Record<number, string> = {
  400: 'Invalid request',
  401: 'Missing or invalid access token',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict with the current state',
  410: 'Removed for good',
  413: 'Upload larger than MAX_UPLOAD_BYTES',
  422: 'The file or body could not be processed',
  429: 'Too many requests (see the Retry-After header)',
  503: 'A dependency is unavailable',
};

/**
 * What a bare status means on any route: the code and message the service really sends in that
 * case. Statuses whose code depends on the route (404, 409, 410, 422, 429) have no entry here: a route
 * names them with an {@link ErrorExample}, so no route shows another route's error.
 */
const GENERIC: Record<number, ErrorExample[]> = {
  400: [{ status: 400, code: 'validation_failed', message: 'Request validation failed' }],
  401: [
    { status: 401, code: 'token_missing', message: 'Bearer access token required' },
    { status: 401, code: 'token_expired', message: 'Access token expired' },
  ],
  413: [{ status: 413, code: 'payload_too_large', message: 'request file too large' }],
  503: [{ status: 503, code: 'not_ready', message: 'Not ready: database unavailable' }],
};

function body(e: ErrorExample) {
  return {
    statusCode: e.status,
    error: e.code,
    message: e.message,
    detail: e.message,
    requestId: '3f2b8c1e-5d7a-4e59-9a51-0c6b2f1d8e47',
  };
}

/**
 * Documents a route's error answers with the shared error body and, per status, examples of
 * the codes that route really returns. Give a bare status for the cases every route shares
 * (400 validation, 401, 413, 503; 403 comes from Auth) and an {@link ErrorExample} for route-specific ones
 * (`{ status: 404, code: 'session_not_found', message: 'Session P001S001 not found' }`); several
 * examples may share a status.
 */
export function ApiErrors(...errors: (number | ErrorExample)[]) {
  const byStatus = new Map<number, ErrorExample[]>();
  for (const e of errors) {
    const examples = typeof e === 'number' ? (GENERIC[e] ?? []) : [e];
    const status = typeof e === 'number' ? e : e.status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), ...examples]);
  }
  return applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ...[...byStatus].map(([status, examples]) => {
      const codes = [...new Set(examples.map((x) => x.code))];
      const description = `${TITLE[status] ?? 'Error'}${codes.length ? ` (error: ${codes.join(', ')})` : ''}`;
      return ApiResponse({
        status,
        description,
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorResponseDto) },
            ...(examples.length
              ? {
                  examples: Object.fromEntries(
                    examples.map((x, i) => [
                      examples.findIndex((y) => y.code === x.code) === i ? x.code : `${x.code}_${i}`,
                      { summary: x.message, value: body(x) },
                    ]),
                  ),
                }
              : {}),
          },
        },
      });
    }),
  );
}

/** Documents a JSON request body with a ready-to-send example (what Swagger UI pre-fills). */
export function ApiJsonBody(dto: Type<unknown>, example: object, summary = 'Example') {
  return ApiBody({ type: dto, examples: { example: { summary, value: example } } });
}

/**
 * Documents that a route needs a bearer token (enforced by the global guard) and its 401/403:
 * a deactivated account on every route, and the role check's exact message where roles apply.
 */
export function ApiAuth(roles: readonly string[] = []) {
  const inactive: ErrorExample = {
    status: 403,
    code: 'user_inactive',
    message: 'This account is deactivated',
  };
  const forbidden: ErrorExample[] = roles.length
    ? [
        {
          status: 403,
          code: 'role_forbidden',
          message: `This action requires the role ${roles.join(' or ')}`,
        },
      ]
    : [];
  return applyDecorators(ApiBearerAuth(), ApiErrors(401, ...forbidden, inactive));
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
  const decorators = [ApiAuth(roles)];
  if (roles.length > 0) {
    decorators.push(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));
  }
  return applyDecorators(...decorators);
}

/** Documents a webhook secured by an HMAC signature header. */
export function ApiSignedWebhook() {
  return applyDecorators(
    ApiSecurity('webhookSignature'),
    ApiErrors(
      { status: 401, code: 'signature_missing', message: 'Missing x-supabase-signature header' },
      { status: 401, code: 'signature_invalid', message: 'Invalid signature' },
      {
        status: 401,
        code: 'webhook_not_configured',
        message: 'WEBHOOK_SECRET is not set; unsigned webhooks are refused',
      },
    ),
  );
}

export type { Type };
