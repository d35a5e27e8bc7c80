import { ValidationFailedError } from '../shared/errors/app-error.js';
import { MIN_PASSWORD_LENGTH } from './dto/user-request.dto.js';

/** A text member of the original client's bodies: null/absent = not given, "" (or blanks) = none. */
export function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The password an admin chose, if any (`custom_password`, or this service's older `password`),
 * held to the original's length rule: 400 with the text its client shows.
 */
export function chosenPassword(...candidates: Array<string | null | undefined>): string | undefined {
  const given = [...new Set(candidates.filter((c): c is string => typeof c === 'string'))];
  if (given.length > 1) {
    throw new ValidationFailedError(
      'custom_password and password differ: send one of them',
      undefined,
      'password_ambiguous',
    );
  }
  const password = given[0];
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationFailedError(
      `Password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
      undefined,
      'password_too_short',
    );
  }
  return password;
}
