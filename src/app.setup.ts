import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import metadata from './metadata.js';
import type { AppConfig } from './shared/config/app-config.js';
import { AllExceptionsFilter } from './shared/errors/all-exceptions.filter.js';
import { guardedJsonParser, installRouteBodyLimits } from './shared/http/json-body.js';
import { flattenMultipartBodies } from './shared/http/multipart-body.js';
import { API_DESCRIPTION, finishOpenApiDocument } from './shared/http/openapi-document.js';
import { installRequestLogging } from './shared/http/request-logging.js';
import { installSecurityHeaders } from './shared/http/security-headers.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Every method and request header the web client sends across origins (ALLOWED_ORIGINS). */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-Request-ID', 'x-supabase-signature'];

/** The Fastify adapter: request ids taken from a well-formed X-Request-ID or generated. */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    logger: false,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Off unless configured: a client could otherwise choose its own address (X-Forwarded-For)
    // and so escape the per-address login limit.
    trustProxy: config.env.TRUST_PROXY,
    // A whole request must arrive within this time (slow senders cannot hold sockets open: 408),
    // and be answered within twice that, or it gets 503 (its work is cancelled cooperatively).
    // Node applies requestTimeout only when given to the server's constructor, and checks it on
    // an interval: a quarter of the timeout, at most Node's default of 30 s.
    requestTimeout: config.env.REQUEST_TIMEOUT_MS,
    handlerTimeout: 2 * config.env.REQUEST_TIMEOUT_MS,
    http: {
      requestTimeout: config.env.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(config.env.REQUEST_TIMEOUT_MS / 4)),
    },
  });
}

export async function buildOpenApiDocument(app: INestApplication) {
  // Schemas inferred by the @nestjs/swagger plugin (see scripts/generate-openapi-metadata.mjs).
  await SwaggerModule.loadPluginMetadata(metadata);
  const doc = new DocumentBuilder()
    .setTitle('GHOSTLY EMG C3D service')
    .setDescription(API_DESCRIPTION)
    .setVersion('1.0.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'The access_token of POST /auth/login (or a Supabase access token)',
    })
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'x-supabase-signature',
        description:
          'Lowercase hex HMAC-SHA256 of the raw request body keyed with WEBHOOK_SECRET, optionally ' +
          'prefixed "sha256="; compared in constant time',
      },
      'webhookSignature',
    )
    .build();
  return finishOpenApiDocument(flattenMultipartBodies(SwaggerModule.createDocument(app, doc)));
}

/** Everything an HTTP app needs, shared by main.ts and the e2e tests. */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // time from the request's arrival to its serialised answer (body parsing included)
    void reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
  });
  installRequestLogging(fastify);
  await installSecurityHeaders(app);
  // JSON bodies keep their raw bytes (req.rawBody): the storage webhook's HMAC is over them.
  // Depth, NUL and control-character checks before parsing; per-route limits (@RouteConfig({ bodyLimit })).
  installRouteBodyLimits(fastify);
  (app.getHttpAdapter() as FastifyAdapter).useBodyParser(
    'application/json',
    true,
    { bodyLimit: fastify.initialConfig.bodyLimit },
    guardedJsonParser(fastify),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.enableCors({
    origin: config.allowedOrigins.length > 0 ? config.allowedOrigins : false,
    credentials: true,
    methods: CORS_METHODS,
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['X-Request-ID'],
  });
  SwaggerModule.setup('docs', app, await buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await fastify.ready();
}
