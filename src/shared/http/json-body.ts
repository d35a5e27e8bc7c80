import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** Deeper JSON is refused before parsing: no request of this API nests beyond a dozen levels. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * One pass over the raw bytes, before JSON.parse: the nesting depth outside strings, and escaped
 * NUL characters (`\u0000`) inside them. Returns the problem, or null. A hostile body is thus
 * refused in linear time, before any recursive code (parser, class-transformer) sees it.
 */
export function jsonStructureProblem(body: Uint8Array, maxDepth = MAX_JSON_DEPTH): 'too_deep' | 'nul' | null {
  let depth = 0;
  let inString = false;
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const c = body[i]!;
    if (inString) {
      if (c === BACKSLASH) {
        if (
          body[i + 1] === 0x75 && // u
          body[i + 2] === 0x30 &&
          body[i + 3] === 0x30 &&
          body[i + 4] === 0x30 &&
          body[i + 5] === 0x30
        ) {
          return 'nul';
        }
        i++;
      } else if (c === QUOTE) {
        inString = false;
      }
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return 'too_deep';
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return null;
}

type Done = (err: Error | null, body?: unknown) => void;

/**
 * The application/json parser: the structure check above, then Fastify's own parser (which
 * refuses __proto__ and constructor keys). Errors answer 400 with a stable code.
 */
export function guardedJsonParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (req: FastifyRequest, body: Buffer, done: Done): void => {
    const problem = jsonStructureProblem(body);
    if (problem === 'too_deep') {
      done(new AppError('bad_request', 'json_too_deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`));
      return;
    }
    if (problem === 'nul') {
      done(new AppError('bad_request', 'invalid_character', 'JSON strings must not contain NUL characters'));
      return;
    }
    // Fastify's JSON parser takes the raw Buffer at run time (its type says string)
    void parse(req, body as unknown as string, done);
  };
}

/**
 * Routes that declare `@RouteConfig({ bodyLimit })` get that limit instead of the server's
 * (Nest has no per-route body limit of its own; Fastify's route option is set from the config).
 */
export function installRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });
}
