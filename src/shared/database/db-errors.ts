// PostgreSQL errors a service expects and handles itself (the exception filter's net for the
// rest is shared/errors/database-errors.ts).
import { ForbiddenError } from '../errors/app-error.js';
import { sqlStateOf } from '../errors/database-errors.js';

/** PostgreSQL's unique_violation: another row already holds the value (e.g. a concurrent insert won). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23505';
}

/** PostgreSQL's insufficient_privilege, raised when a row-level-security check refuses a write. */
export function isRlsViolation(error: unknown): boolean {
  return sqlStateOf(error) === '42501';
}

/**
 * Runs database work and turns an RLS refusal into a 403 with the given code. Services use it
 * around writes that the policies, not the service, are expected to refuse.
 */
export async function refusedByRls<T>(
  work: () => Promise<T>,
  code = 'forbidden',
  message = 'Not allowed',
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isRlsViolation(error)) throw new ForbiddenError(code, message);
    throw error;
  }
}
