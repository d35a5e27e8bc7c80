import { Readable } from 'node:stream';
import type { ObjectStorage } from '../../infrastructure/storage/object-storage.js';
import type { ByteSink } from './zip-writer.js';

/** Size of one stored part: the most an export holds in memory while writing or serving it. */
export const PART_BYTES = 8 * 1024 * 1024;

export function artifactPrefix(exportId: string): string {
  return `exports/${exportId}`;
}

export function partPath(prefix: string, index: number): string {
  return `${prefix}/part-${String(index).padStart(5, '0')}`;
}

/**
 * Writes an artifact to object storage as numbered parts of PART_BYTES, so a large export is
 * never held whole in memory (ObjectStorage takes whole objects). `discard` removes every part
 * written, for a failed export.
 */
export class StoragePartsSink implements ByteSink {
  private buffer: Buffer[] = [];
  private buffered = 0;
  parts = 0;
  bytes = 0;

  constructor(
    private readonly storage: ObjectStorage,
    readonly prefix: string,
    private readonly partBytes = PART_BYTES,
  ) {}

  async write(chunk: Uint8Array): Promise<void> {
    this.buffer.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.buffered += chunk.byteLength;
    this.bytes += chunk.byteLength;
    if (this.buffered >= this.partBytes) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const data = Buffer.concat(this.buffer);
    this.buffer = [];
    this.buffered = 0;
    this.parts++;
    await this.storage.put(partPath(this.prefix, this.parts), data, 'application/octet-stream');
  }

  /** Removes what was written (best effort per part; the caller reports the failure itself). */
  async discard(): Promise<void> {
    this.buffer = [];
    this.buffered = 0;
    await deleteParts(this.storage, this.prefix, this.parts);
  }
}

export async function deleteParts(storage: ObjectStorage, prefix: string, parts: number): Promise<void> {
  for (let i = 1; i <= parts; i++) await storage.delete(partPath(prefix, i));
}

/** The stored parts, fetched one at a time as the reader consumes them. */
export function readParts(storage: ObjectStorage, prefix: string, parts: number): Readable {
  async function* chunks() {
    for (let i = 1; i <= parts; i++) yield Buffer.from(await storage.get(partPath(prefix, i)));
  }
  return Readable.from(chunks(), { objectMode: false });
}
