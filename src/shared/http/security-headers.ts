import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The Content-Security-Policy of every response. Swagger UI at /docs loads its scripts and
 * styles from this origin, has inline <style> blocks (hence 'unsafe-inline' for styles only),
 * and data: images and fonts; "Try it out" calls this origin. Nothing may frame the pages.
 * No upgrade-insecure-requests: the service is also reached over plain HTTP on a clinic network.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
};

/** Swagger UI's files may be cached; every other answer (personal data) must not be. */
const CACHEABLE = /^\/docs(?:\/|\?|$)/;

/**
 * Security headers on every response (helmet: CSP above, X-Content-Type-Options nosniff,
 * X-Frame-Options DENY, Referrer-Policy no-referrer, HSTS, cross-origin policies) and
 * `Cache-Control: no-store` on every response of an authenticated request, whatever the route
 * set, and on any other response that set no caching policy, /docs assets excepted.
 */
export async function installSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet as never, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      if (request.headers.authorization !== undefined) {
        void reply.header('cache-control', 'no-store');
      } else if (!reply.hasHeader('cache-control') && !CACHEABLE.test(request.url)) {
        void reply.header('cache-control', 'no-store');
      }
    });
}
