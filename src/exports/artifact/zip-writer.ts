import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** Where the bytes of an export go, chunk by chunk; `write` resolves when the chunk is taken. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

const encoder = new TextEncoder();
/** Text is pushed into the deflater in slices of this size, so one entry never sits whole in memory. */
const SLICE = 64 * 1024;

/**
 * A ZIP archive written incrementally with fflate's streaming Zip: one entry at a time, each
 * entry fed piece by piece, and every compressed chunk handed to the sink before the next piece
 * is deflated. Memory stays at the deflater's window plus one piece, whatever the archive size.
 */
export class ZipWriter {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private error: Error | null = null;
  private finished = false;
  private open = false;
  bytes = 0;
  entries = 0;

  constructor(private readonly sink: ByteSink) {
    this.zip = new Zip((err, chunk, final) => {
      if (err) this.error = err;
      else this.pending.push(chunk);
      if (final) this.finished = true;
    });
  }

  /** Starts an entry; write its content with the returned function, then call it with null. */
  entry(
    name: string,
    options: { compress?: boolean } = {},
  ): (piece: Uint8Array | string | null) => Promise<void> {
    if (this.open) throw new Error('ZipWriter: the previous entry is still open');
    this.open = true;
    this.entries++;
    const file = options.compress === false ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    return async (piece) => {
      if (piece === null) {
        file.push(new Uint8Array(0), true);
        this.open = false;
        await this.drain();
        return;
      }
      const bytes = typeof piece === 'string' ? encoder.encode(piece) : piece;
      for (let at = 0; at < bytes.length; at += SLICE) {
        file.push(bytes.subarray(at, Math.min(bytes.length, at + SLICE)));
        await this.drain();
      }
    };
  }

  /** A whole entry at once. */
  async file(name: string, data: Uint8Array | string, options: { compress?: boolean } = {}): Promise<void> {
    const write = this.entry(name, options);
    await write(data);
    await write(null);
  }

  async end(): Promise<void> {
    if (this.open) throw new Error('ZipWriter: an entry is still open');
    this.zip.end();
    await this.drain();
    if (!this.finished) throw new Error('ZipWriter: the archive did not finish');
  }

  private async drain(): Promise<void> {
    if (this.error) throw this.error;
    while (this.pending.length > 0) {
      const chunk = this.pending.shift()!;
      this.bytes += chunk.length;
      await this.sink.write(chunk);
    }
  }
}

/** Collects the archive in memory (single-session and single-patient exports). */
export class MemorySink implements ByteSink {
  private readonly chunks: Uint8Array[] = [];
  write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk);
    return Promise.resolve();
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
