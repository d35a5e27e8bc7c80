import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors/app-error.js';

export class StorageObjectNotFoundError extends AppError {
  constructor(path: string) {
    super('not_found', 'storage_object_not_found', `Object ${path} does not exist in storage`);
  }
}

/** Transient storage trouble (network, disk); callers may retry. */
export class StorageUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', 'storage_unavailable', message, undefined, options);
  }
}

const SAFE_PATH = /^(?!\/)(?!.*\.\.)(?!.*\/\/)[^\\\0]{1,1024}$/;

/** Rejects absolute paths, `..`, backslashes and NULs: object keys never leave their bucket. */
export function assertSafeObjectPath(path: string): void {
  if (!SAFE_PATH.test(path)) {
    throw new AppError(
      'bad_request',
      'invalid_object_path',
      `Invalid storage object path: ${JSON.stringify(path)}`,
    );
  }
}

/** Object storage for uploaded C3D files: local files (embedded) or Supabase Storage. */
export abstract class ObjectStorage {
  abstract readonly bucket: string;
  abstract put(path: string, data: Uint8Array, contentType?: string): Promise<void>;
  /**
   * Stores the content of a local file. Implementations stream it; this fallback reads it whole
   * (fine for test doubles, not for large uploads).
   */
  async putFile(path: string, localFile: string, contentType?: string): Promise<void> {
    await this.put(path, new Uint8Array(await readFile(localFile)), contentType);
  }
  abstract get(path: string): Promise<Uint8Array>;
  abstract delete(path: string): Promise<void>;
  /** Proves the store accepts writes (readiness). */
  abstract checkWritable(): Promise<void>;
}
