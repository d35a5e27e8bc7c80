import { AppError } from './app-error.js';

/**
 * PostgreSQL errors that reach the exception filter unhandled, as stable 4xx/503 answers instead
 * of a 500: a request that breaks a constraint is the caller's mistake, a lost connection is an
 * outage. Services translate the cases they expect into their own codes first; this is the net
 * under them. Messages are generic (the server's text can name internals); the constraint is
 * given as a detail.
 */
const BY_SQLSTATE: Record<string, { kind: AppError['kind']; code: string; message: string }> = {
  '23505': { kind: 'conflict', code: 'already_exists', message: 'A record with these values already exists' },
  '23503': {
    kind: 'unprocessable',
    code: 'invalid_reference',
    message: 'A referenced record does not exist, or is still referenced',
  },
  '23514': {
    kind: 'unprocessable',
    code: 'constraint_violation',
    message: 'The values break a rule of the data model',
  },
  '23502': { kind: 'unprocessable', code: 'constraint_violation', message: 'A required value is missing' },
  '22P02': { kind: 'bad_request', code: 'invalid_value', message: 'A value has the wrong format' },
  '22003': { kind: 'bad_request', code: 'invalid_value', message: 'A number is out of range' },
  '22007': { kind: 'bad_request', code: 'invalid_value', message: 'A date or time has the wrong format' },
  '22008': { kind: 'bad_request', code: 'invalid_value', message: 'A date or time is out of range' },
  '42501': { kind: 'forbidden', code: 'forbidden', message: 'Not allowed' },
  '40001': {
    kind: 'conflict',
    code: 'concurrent_update',
    message: 'A concurrent change interfered; try again',
  },
  '40P01': {
    kind: 'conflict',
    code: 'concurrent_update',
    message: 'A concurrent change interfered; try again',
  },
};

/** Node socket errors and PostgreSQL's "connection gone" classes (08, 57P01-03). */
const UNAVAILABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|08...|57P0[123])$/;

/**
 * pg's own errors for a connection that died under a checked-out client carry no code: the
 * query in flight, or the rollback Kysely sends after it, fails with one of these.
 */
const CONNECTION_GONE =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/i;

/** The SQLSTATE (or Node socket code) of a database error, if it has one. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function fromDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = sqlStateOf(error);
  const { constraint } = error as { constraint?: unknown };
  if (error instanceof Error && CONNECTION_GONE.test(error.message)) return unavailable(error);
  if (code === undefined) return undefined;
  const known = BY_SQLSTATE[code];
  if (known) {
    const details = typeof constraint === 'string' ? { constraint } : undefined;
    return new AppError(known.kind, known.code, known.message, details, { cause: error });
  }
  return UNAVAILABLE.test(code) ? unavailable(error) : undefined;
}

function unavailable(cause: unknown): AppError {
  return new AppError(
    'unavailable',
    'database_unavailable',
    'The database is unavailable; try again later',
    undefined,
    { cause },
  );
}
