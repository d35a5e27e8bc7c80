import { ValidateBy, type ValidationOptions } from 'class-validator';

const KEY = /^[\w .:-]{1,64}$/;
const MAX_KEYS = 64;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isMap(value: unknown, member: (v: unknown) => boolean): boolean {
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= MAX_KEYS && entries.every(([k, v]) => KEY.test(k) && (v === null || member(v)));
}

/**
 * A map from channel name to a number in [min, max] or null (null members mean "not given"),
 * e.g. session_mvc_values `{"CH1": 0.00015, "CH2": null}`.
 */
export function IsNumberMap(range: { min: number; max: number }, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isNumberMap',
      validator: {
        validate: (value: unknown) =>
          isMap(
            value,
            (v) => typeof v === 'number' && Number.isFinite(v) && v >= range.min && v <= range.max,
          ),
        defaultMessage: (args) =>
          `${args?.property} must be an object of channel name -> number in [${range.min}, ${range.max}] or null (at most ${MAX_KEYS} keys)`,
      },
    },
    options,
  );
}

/** The OpenAPI schema of a channel -> muscle map (channel_muscle_mapping), for ApiProperty. */
export const MUSCLE_MAP_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { CH1: 'Left Quadriceps', CH2: 'Right Quadriceps' },
} as const;

/** A map from channel name to a short text or null, e.g. channel_muscle_mapping. */
export function IsTextMap(maxLength: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isTextMap',
      validator: {
        validate: (value: unknown) => isMap(value, (v) => typeof v === 'string' && v.length <= maxLength),
        defaultMessage: (args) =>
          `${args?.property} must be an object of channel name -> text of at most ${maxLength} characters (at most ${MAX_KEYS} keys)`,
      },
    },
    options,
  );
}

/**
 * The members of a text map that name something, trimmed (a null or blank member is not given);
 * null when none does, e.g. a channel_muscle_mapping of {"CH1": " Left Quadriceps ", "CH2": null}
 * is {"CH1": "Left Quadriceps"}.
 */
export function namedTexts(
  map: Record<string, string | null> | null | undefined,
): Record<string, string> | null {
  const named = Object.entries(map ?? {}).flatMap(([key, text]) =>
    text?.trim() ? [[key, text.trim()] as const] : [],
  );
  return named.length > 0 ? Object.fromEntries(named) : null;
}

/** namedTexts as the value of a jsonb column: its JSON text, or null when nothing is named. */
export function namedTextsColumn(map: Record<string, string | null> | null | undefined): string | null {
  const named = namedTexts(map);
  return named ? JSON.stringify(named) : null;
}
