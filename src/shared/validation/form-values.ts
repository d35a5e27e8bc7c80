import type { TransformFnParams } from 'class-transformer';

/**
 * "Not given" as browsers and the original client send it: an empty form field (Swagger UI and
 * HTML forms send cleared inputs as ''), the text 'null', or JSON null.
 */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return typeof value === 'string' && (value.trim() === '' || value.trim() === 'null');
}

/**
 * A number field of a form or JSON body: blank -> undefined (so @IsOptional skips it, never 0),
 * numeric text -> number, anything else unchanged so that the number validators reject it.
 * Reads the raw input (`obj[key]`), not a value another transform already converted.
 */
export function toOptionalNumber({ obj, key }: TransformFnParams): unknown {
  const value: unknown = (obj as Record<string, unknown>)[key];
  if (isBlank(value)) return undefined;
  if (typeof value === 'string') {
    const n = Number(value.trim());
    return Number.isNaN(n) ? value : n;
  }
  return value;
}

/** A boolean field: blank -> undefined, 'true'/'false' (any case) -> boolean, else unchanged. */
export function toOptionalBoolean({ obj, key }: TransformFnParams): unknown {
  const value: unknown = (obj as Record<string, unknown>)[key];
  if (isBlank(value)) return undefined;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return value;
}

/** A text field: blank -> undefined, else unchanged. */
export function toOptionalString({ obj, key }: TransformFnParams): unknown {
  const value: unknown = (obj as Record<string, unknown>)[key];
  return isBlank(value) ? undefined : value;
}

/**
 * An object field that a multipart form sends as JSON text (the original client JSON-stringifies
 * its maps): blank -> undefined, JSON text -> the parsed value, an object -> unchanged; text that
 * is not JSON stays text so that the object validators reject it.
 */
export function toOptionalJsonObject({ obj, key }: TransformFnParams): unknown {
  const value: unknown = (obj as Record<string, unknown>)[key];
  if (isBlank(value)) return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
