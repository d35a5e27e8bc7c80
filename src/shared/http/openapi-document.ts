import type { OpenAPIObject } from '@nestjs/swagger';

/** What the API description says about logging in and the Authorize button (Swagger UI). */
export const API_DESCRIPTION = [
  'Turns GHOSTLY surface-EMG C3D recordings into scored therapy sessions.',
  '',
  '**Authorize.** Most routes need a bearer token. Open `POST /auth/login`, press *Try it out*,',
  'type your e-mail and password (the first admin of an embedded install is `admin@localhost`;',
  'its password is printed once at first start and kept in `DATA_DIR/initial-admin-password`),',
  'press *Execute* and copy `access_token` from the answer. Then press **Authorize** (top right),',
  'paste the token into *bearer* and press *Authorize*: every request made from this page then',
  'carries `Authorization: Bearer <token>`. Tokens expire (see `expires_in`); log in again then.',
  'Routes marked with a padlock need it; `x-roles` lists the roles allowed.',
  '',
  '**Errors.** Every error body is `{ statusCode, error, message, detail, details?, requestId }`:',
  '`error` is a stable machine code (listed per route and status below), `detail` repeats `message`',
  'for the original web client, `requestId` equals the `X-Request-ID` response header.',
  '',
  '**Storage webhook.** `POST /webhooks/storage/c3d-upload` is called by Supabase Storage, not by',
  'people: it is authenticated by the `x-supabase-signature` header, the hex HMAC-SHA256 of the raw',
  'request body keyed with `WEBHOOK_SECRET` (see the route for details).',
].join('\n');

type Operation = { security?: unknown[] };

/**
 * Final touches on the generated document, so that it lints clean (redocly.yaml) and reads as
 * served: one relative server (Swagger UI calls the page's own origin); operations without a
 * security requirement (the @Public routes: health, the API index, login) say so with an
 * explicit empty list. Every other route declares bearer or the webhook signature through its
 * decorators (Auth, ApiSignedWebhook, AnonymousAnalysis).
 */
export function finishOpenApiDocument(doc: OpenAPIObject): OpenAPIObject {
  if (!doc.servers || doc.servers.length === 0) doc.servers = [{ url: '/', description: 'This service' }];
  for (const path of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(path as Record<string, Operation>)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) continue;
      if (!op.security) op.security = [];
    }
  }
  return doc;
}
