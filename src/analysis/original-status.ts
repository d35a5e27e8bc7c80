import { AppError, UnprocessableError, ValidationFailedError } from '../shared/errors/app-error.js';
import { AnalysisInputError } from './analysis-runner.js';
import { toUnprocessable } from './uploaded-c3d.js';

/** Refusals of the file itself (its name or its bytes): the original answered these with 400. */
const FILE_CODES = new Set(['not_c3d', 'empty_file']);

/**
 * The original's statuses on its stateless file routes (POST /upload, POST /mvc/calibrate): a
 * missing file part is a 422 (request validation), a file that is not a readable C3D (wrong
 * name, empty, or bytes the reader refuses) a 400, and a C3D whose EMG cannot be analysed a 422.
 * The stable error codes are the same as on this service's own routes; only the status follows
 * the original here.
 */
export function withOriginalFileStatus(error: unknown): unknown {
  if (error instanceof AnalysisInputError) {
    return error.failure.kind === 'c3d'
      ? new ValidationFailedError(error.message, error.failure.details, error.code)
      : toUnprocessable(error);
  }
  if (error instanceof AppError && error.code === 'file_missing') {
    return new UnprocessableError(error.code, error.message);
  }
  if (error instanceof AppError && FILE_CODES.has(error.code)) {
    return new ValidationFailedError(error.message, error.details, error.code);
  }
  return error;
}
