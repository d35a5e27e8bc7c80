import { ConflictError } from '../shared/errors/app-error.js';
import { sqlStateOf } from '../shared/errors/database-errors.js';

/**
 * Runs a write and turns the database's refusal with SQLSTATE `sqlState` into a 409 with a
 * stable code (a trigger's raise_exception, a foreign key still pointing at the row).
 */
export async function conflictOnSqlState<T>(
  sqlState: string,
  code: string,
  message: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlStateOf(error) === sqlState) throw new ConflictError(code, message);
    throw error;
  }
}
