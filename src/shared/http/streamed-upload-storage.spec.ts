import { describe, expect, it } from '@jest/globals';
import type { IncomingMultipartFile, UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { isStreamedUpload, type StreamedUpload, streamedUploadStorage } from './streamed-upload-storage.js';

function incoming(stream: Readable): IncomingMultipartFile {
  return {
    fieldname: 'file',
    originalname: 'x.c3d',
    encoding: '7bit',
    mimetype: 'application/octet-stream',
    stream,
  };
}

function handle(engine: ReturnType<typeof streamedUploadStorage>, stream: Readable) {
  return new Promise<Partial<StreamedUpload>>((resolve, reject) =>
    engine._handleFile({}, incoming(stream), (error?: unknown, info?: Partial<UploadedMultipartFile>) =>
      error ? reject(error as Error) : resolve(info as Partial<StreamedUpload>),
    ),
  );
}

/** `bytes` cut into chunks of irregular sizes, as a socket delivers them. */
function chunked(bytes: Buffer): Readable {
  const parts: Buffer[] = [];
  for (let at = 0, k = 1; at < bytes.length; k++) {
    const n = (k * 7919) % 70_000 || 1;
    parts.push(bytes.subarray(at, at + n));
    at += n;
  }
  return Readable.from(parts);
}

describe('streamedUploadStorage', () => {
  it('writes the file, hashes it and keeps exactly its first bytes, across chunk boundaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'streamed-'));
    const bytes = randomBytes(3 * 1024 * 1024 + 123);
    const info = await handle(streamedUploadStorage(dir, 100_001), chunked(bytes));
    expect(info.size).toBe(bytes.length);
    expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(Buffer.compare(Buffer.from(info.head!), bytes.subarray(0, 100_001))).toBe(0);
    expect(Buffer.compare(readFileSync(info.path!), bytes)).toBe(0);
    expect(isStreamedUpload({ ...info, originalname: 'x.c3d' })).toBe(true);
  });

  it('keeps the whole file as its head when it is shorter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'streamed-'));
    const bytes = randomBytes(5000);
    const info = await handle(streamedUploadStorage(dir, 100_000), chunked(bytes));
    expect(Buffer.compare(Buffer.from(info.head!), bytes)).toBe(0);
  });

  it('removes the partial file when the upload is cut off, and on _removeFile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'streamed-'));
    const engine = streamedUploadStorage(dir);
    const cut = new PassThrough();
    const pending = handle(engine, cut);
    cut.write(randomBytes(10_000));
    await new Promise((r) => setTimeout(r, 20));
    cut.destroy();
    await expect(pending).rejects.toThrow(/cut off/);
    expect(readdirSync(dir)).toEqual([]);

    const info = await handle(engine, chunked(randomBytes(1000)));
    expect(existsSync(info.path!)).toBe(true);
    await new Promise<void>((resolve, reject) =>
      engine._removeFile({}, info as UploadedMultipartFile, (e) => (e ? reject(e) : resolve())),
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
