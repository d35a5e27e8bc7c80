import { UnprocessableError, ValidationFailedError } from '../shared/errors/app-error.js';
import { AnalysisInputError } from './analysis-runner.js';

/** The part of a multipart upload the services need (memory storage). */
export interface UploadedC3d {
  originalname: string;
  size: number;
  buffer?: Buffer;
}

/**
 * Checks an uploaded file before any work: present, non-empty, named *.c3d. Size is enforced by
 * the multipart limit (413) before this runs. Returns the bytes.
 */
export function assertC3dUpload(file: UploadedC3d | undefined): Uint8Array {
  if (!file?.buffer)
    throw new ValidationFailedError('A multipart `file` part is required', undefined, 'file_missing');
  if (!/\.c3d$/i.test(file.originalname)) {
    throw new UnprocessableError('not_c3d', 'The file must be a C3D file (.c3d extension required)');
  }
  if (file.size === 0 || file.buffer.length === 0)
    throw new UnprocessableError('empty_file', 'The uploaded file is empty');
  return new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength);
}

/** An analysis input failure as the HTTP 422 with the reader's or analyser's code. */
export function toUnprocessable(error: AnalysisInputError): UnprocessableError {
  return new UnprocessableError(error.code, error.message, error.failure.details);
}
