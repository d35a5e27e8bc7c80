import type {
  IncomingMultipartFile,
  MultipartStorageEngine,
  UploadedMultipartFile,
} from '@nestjs/platform-fastify/multipart';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sha256Stream } from '../hash/sha256.js';

/**
 * The start kept in memory: the C3D header and parameter section (the largest of the shared
 * corpus of 76 files from many vendors needs 256 KiB; most fit in 64 KiB).
 */
export const UPLOAD_HEAD_BYTES = 1024 * 1024;

/** A multipart file written to a temporary file as it arrived, hashed on the way. */
export interface StreamedUpload extends UploadedMultipartFile {
  /** The temporary file; the route's service removes it when done (see removeStreamedUpload). */
  path: string;
  size: number;
  /** Hex SHA-256 of the whole file. */
  sha256: string;
  /** The file's first UPLOAD_HEAD_BYTES (or all of it when shorter). */
  head: Uint8Array;
}

export function isStreamedUpload(file: unknown): file is StreamedUpload {
  const f = file as Partial<StreamedUpload> | undefined;
  return typeof f?.path === 'string' && typeof f.sha256 === 'string' && f.head instanceof Uint8Array;
}

/** Hashes and counts the bytes that pass, and keeps the first `headBytes` of them. */
class Tap extends Transform {
  readonly hash = sha256Stream();
  size = 0;
  private readonly chunks: Buffer[] = [];
  private kept = 0;

  constructor(private readonly headBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.kept < this.headBytes) {
      // a copy: the chunk may be a view into a larger pooled buffer that would stay alive
      const part = Buffer.from(chunk.subarray(0, this.headBytes - this.kept));
      this.chunks.push(part);
      this.kept += part.length;
    }
    done(null, chunk);
  }

  /** One Buffer (a Uint8Array) holding the kept bytes; the parts are released. */
  head(): Uint8Array {
    const head = Buffer.concat(this.chunks, this.kept);
    this.chunks.length = 0;
    return head;
  }
}

/**
 * Rejects when the part's stream is destroyed before its end without an error (the client went
 * away mid-form): pipeline() would otherwise wait for an end that never comes.
 */
function rejectWhenCutOff(stream: Readable): Promise<never> {
  return new Promise((_resolve, reject) =>
    stream.once('close', () => {
      if (!stream.readableEnded && !stream.errored) reject(new Error('upload cut off'));
    }),
  );
}

/**
 * A multer-style storage engine that streams each file to `<directory>/<uuid>.part` while it
 * arrives, computing its SHA-256 and keeping its first bytes, so that a request holds a few
 * stream chunks and the head in memory whatever the file's size. The size limit is the
 * multipart `fileSize` limit: the parser stops the stream there and the interceptor answers 413
 * and removes the partial file. Files of requests that fail later are removed by the route's
 * service (the engine's own `_removeFile` is only called by the interceptor).
 */
export function streamedUploadStorage(
  directory: string,
  headBytes = UPLOAD_HEAD_BYTES,
): MultipartStorageEngine {
  mkdirSync(directory, { recursive: true });
  const store = async (file: IncomingMultipartFile): Promise<Partial<StreamedUpload>> => {
    const path = join(directory, `${randomUUID()}.part`);
    const tap = new Tap(headBytes);
    try {
      await Promise.race([
        pipeline(file.stream, tap, createWriteStream(path, { flags: 'wx' })),
        rejectWhenCutOff(file.stream),
      ]);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { path, size: tap.size, sha256: tap.hash.digest('hex'), head: tap.head() };
  };
  return {
    _handleFile(_req, file, callback) {
      store(file).then(
        (info) => callback(null, info),
        (error: unknown) => callback(error),
      );
    },
    _removeFile(_req, file, callback) {
      const path = file.path;
      if (!path) return callback(null);
      rm(path, { force: true }).then(
        () => callback(null),
        (error: unknown) => callback(error as Error),
      );
    },
  };
}

/** Removes the temporary file of a streamed upload (missing is fine). */
export async function removeStreamedUpload(file: { path?: string } | undefined): Promise<void> {
  if (file?.path) await rm(file.path, { force: true });
}
