/**
 * Domain errors with stable machine codes. Services and libraries throw these; the one global
 * exception filter turns them into HTTP responses. Nothing outside the filter knows about HTTP.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unprocessable'
  | 'too_many_requests'
  | 'unavailable'
  | 'not_implemented'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine code, e.g. `patient_not_found`; clients branch on this. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('not_found', code, message, details);
  }
}

export class ValidationFailedError extends AppError {
  constructor(message: string, details?: unknown, code = 'validation_failed') {
    super('bad_request', code, message, details);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('conflict', code, message, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(code: string, message: string) {
    super('forbidden', code, message);
  }
}

/** The resource existed once and is removed for good (e.g. a retired endpoint). */
export class GoneError extends AppError {
  constructor(code: string, message: string) {
    super('gone', code, message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(code: string, message: string) {
    super('unauthorized', code, message);
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('unprocessable', code, message, details);
  }
}

export class UnavailableError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('unavailable', code, message, details);
  }
}

/** An optional feature that this installation lacks (e.g. PDF without Chromium): 501, with how to enable it. */
export class NotImplementedError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('not_implemented', code, message, details);
  }
}

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unprocessable: 422,
  too_many_requests: 429,
  unavailable: 503,
  not_implemented: 501,
  internal: 500,
};
