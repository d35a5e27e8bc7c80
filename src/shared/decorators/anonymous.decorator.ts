import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Auth } from '../http/api-docs.decorators.js';

export const ANONYMOUS_ALLOWED_KEY = 'anonymousAllowed';

/**
 * A stateless route the original web client calls without a token: it needs a token like every
 * route, unless ANONYMOUS_ANALYSIS=true, in which case a request without an Authorization header
 * is also answered (rate-limited per client address). A token that is sent is always verified.
 */
export const AnonymousWhenEnabled = () =>
  applyDecorators(
    Auth(),
    SetMetadata(ANONYMOUS_ALLOWED_KEY, true),
    ApiExtension('x-anonymous-when', 'ANONYMOUS_ANALYSIS=true'),
  );
