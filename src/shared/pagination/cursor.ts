import { ValidationFailedError } from '../errors/app-error.js';

/** The values of a row's sort key, in sort order (strings keep timestamps at full precision). */
export type CursorKey = readonly string[];

/**
 * Opaque keyset cursors: base64url of the JSON array of the last row's sort key. Opaque to
 * clients (they pass `next_cursor` back unchanged), not secret: RLS still decides which rows
 * exist, a cursor only says where the next page starts.
 */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made for a sort key of `arity` values; 400 `invalid_cursor` otherwise. */
export function decodeCursor(cursor: string, arity: number, check?: (key: CursorKey) => boolean): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(key) ||
    key.length !== arity ||
    !key.every((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200)
  ) {
    throw invalidCursor();
  }
  if (check && !check(key)) throw invalidCursor();
  return key;
}

function invalidCursor(): ValidationFailedError {
  return new ValidationFailedError('cursor is not a next_cursor of this list', undefined, 'invalid_cursor');
}

/** An ISO 8601 UTC timestamp with up to microseconds, as the session cursors store it. */
export const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
