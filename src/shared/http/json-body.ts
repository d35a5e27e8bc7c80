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

/** Control characters refused in strings: C0 but tab, line feed and carriage return; DEL; C1. */
function isRefusedControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** The code point of `\u00XX` at `i` (the backslash), or -1 for any other escape. */
function escapedLatin1(body: Uint8Array, i: number): number {
  if (body[i + 1] !== 0x75 || body[i + 2] !== 0x30 || body[i + 3] !== 0x30) return -1;
  const hi = hexValue(body[i + 4]);
  const lo = hexValue(body[i + 5]);
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

export type JsonProblem = 'too_deep' | 'nul' | 'control';

/**
 * One pass over the raw bytes, before JSON.parse: the nesting depth outside strings, and NUL
 * characters inside them (escaped, or raw, which JSON forbids anyway). With `controls`, also the
 * other control characters in strings (C0 but tab, LF and CR; DEL; C1), escaped (`\u0007`, `\b`,
 * `\f`) or raw. Returns the problem, or null. A hostile body is thus refused in linear time,
 * before any recursive code (parser, class-transformer) sees it.
 */
export function jsonStructureProblem(
  body: Uint8Array,
  maxDepth = MAX_JSON_DEPTH,
  controls = false,
): JsonProblem | null {
  let depth = 0;
  let inString = false;
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const c = body[i]!;
    if (inString) {
      if (c === BACKSLASH) {
        const code = escapedLatin1(body, i);
        if (code === 0) return 'nul';
        // \b and \f are control characters under their short escapes
        const shortControl = body[i + 1] === 0x62 || body[i + 1] === 0x66;
        if (controls && ((code > 0 && isRefusedControl(code)) || shortControl)) return 'control';
        i++;
      } else if (c === QUOTE) {
        inString = false;
      } else if (c === 0) {
        return 'nul';
      } else if (controls && (c < 0x20 || c === 0x7f) && isRefusedControl(c)) {
        return 'control';
      } else if (controls && c === 0xc2 && body[i + 1]! >= 0x80 && body[i + 1]! <= 0x9f) {
        // U+0080..U+009F in UTF-8
        return 'control';
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

/**
 * Route config key: the route takes control characters in its JSON strings (they are stripped
 * or escaped where stored, e.g. frontend log lines). NUL is refused everywhere.
 */
export const ACCEPTS_CONTROL_CHARACTERS = 'acceptsControlCharacters';

type Done = (err: Error | null, body?: unknown) => void;

/**
 * The application/json parser: the structure check above (control characters refused unless the
 * route's config says ACCEPTS_CONTROL_CHARACTERS), then Fastify's own parser (which refuses
 * __proto__ and constructor keys). Errors answer 400 with a stable code.
 */
export function guardedJsonParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (req: FastifyRequest, body: Buffer, done: Done): void => {
    const config = req.routeOptions?.config as unknown as Record<string, unknown> | undefined;
    const problem = jsonStructureProblem(body, MAX_JSON_DEPTH, config?.[ACCEPTS_CONTROL_CHARACTERS] !== true);
    if (problem === 'too_deep') {
      done(new AppError('bad_request', 'json_too_deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`));
      return;
    }
    if (problem === 'nul') {
      done(new AppError('bad_request', 'invalid_character', 'JSON strings must not contain NUL characters'));
      return;
    }
    if (problem === 'control') {
      done(
        new AppError(
          'bad_request',
          'invalid_character',
          'JSON strings must not contain control characters (tab, line feed and carriage return excepted)',
        ),
      );
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
