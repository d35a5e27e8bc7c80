import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (error codes: validation_failed, bad_request, ...)',
  401: 'Missing or invalid access token (error codes: unauthorized, token_expired, token_invalid)',
  403: 'The caller may not do this (error codes: forbidden, user_inactive)',
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

/** Documents a webhook secured by an HMAC signature header. */
export function ApiSignedWebhook() {
  return applyDecorators(ApiSecurity('webhookSignature'), ApiErrors(401));
}

export type { Type };
