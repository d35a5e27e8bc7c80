import { C3dError, type C3dFile, readC3d } from '@app/c3d';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { join } from 'node:path';
import { AppConfig } from '../shared/config/app-config.js';
import { UnprocessableError, ValidationFailedError } from '../shared/errors/app-error.js';
import { type StreamedUpload, streamedUploadStorage } from '../shared/http/streamed-upload-storage.js';
import { CUT_OFF_READER_CODES } from './session-quality.js';

/**
 * POST /sessions streams the file to a temporary file under DATA_DIR (hashed on the way, size
 * capped at MAX_UPLOAD_BYTES -> 413 while it arrives), so concurrent large uploads do not hold
 * their bytes in memory. Only the start of the file is kept for the reader's check.
 */
export const sessionUploadMultipartModule = () =>
  MultipartModule.registerAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => ({
      storage: streamedUploadStorage(join(config.dataDir, 'upload-tmp')),
      limits: { fileSize: config.env.MAX_UPLOAD_BYTES, files: 1, fields: 100 },
    }),
  });

/** Present, named *.c3d, not empty: the same checks as an upload held in memory. */
export function assertStreamedC3d(file: StreamedUpload | undefined): asserts file is StreamedUpload {
  if (!file?.path)
    throw new ValidationFailedError('A multipart `file` part is required', undefined, 'file_missing');
  if (!/\.c3d$/i.test(file.originalname)) {
    throw new UnprocessableError('not_c3d', 'The file must be a C3D file (.c3d extension required)');
  }
  if (file.size === 0) throw new UnprocessableError('empty_file', 'The uploaded file is empty');
}

/**
 * The cheap header + parameter check before anything is stored, from the file's start and its
 * length: unreadable files never get a session (422 with the reader's code). Under
 * TRUNCATED_FILES=reject a cut-off recording is refused here too (422 truncated_file).
 */
export function checkC3dHead(
  head: Uint8Array,
  fileLength: number,
  truncatedFiles: 'score' | 'reject',
): C3dFile {
  let file: C3dFile;
  try {
    file = readC3d(head, { headerOnly: true, fileLength });
  } catch (error) {
    if (error instanceof C3dError)
      throw new UnprocessableError(error.code, error.message, { offset: error.offset });
    throw error;
  }
  const cut = file.warnings.find((w) => CUT_OFF_READER_CODES.has(w.code));
  if (cut && truncatedFiles === 'reject') {
    throw new UnprocessableError(
      'truncated_file',
      `The recording was cut off (${cut.message}); TRUNCATED_FILES=reject refuses such files`,
      { reader_warning: cut.code },
    );
  }
  return file;
}
