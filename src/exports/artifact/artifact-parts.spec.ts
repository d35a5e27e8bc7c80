import { describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { ObjectStorage, StorageObjectNotFoundError } from '../../infrastructure/storage/object-storage.js';
import { partPath, readParts, StoragePartsSink } from './artifact-parts.js';
import { MemorySink, ZipWriter } from './zip-writer.js';

class MemoryStorage extends ObjectStorage {
  readonly bucket = 'test';
  readonly objects = new Map<string, Uint8Array>();
  put(path: string, data: Uint8Array) {
    this.objects.set(path, new Uint8Array(data));
    return Promise.resolve();
  }
  get(path: string) {
    const v = this.objects.get(path);
    return v ? Promise.resolve(v) : Promise.reject(new StorageObjectNotFoundError(path));
  }
  delete(path: string) {
    this.objects.delete(path);
    return Promise.resolve();
  }
  checkWritable() {
    return Promise.resolve();
  }
}

/** Text that deflate cannot shrink much, so the archive spans parts. */
function noise(n: number): string {
  let s = '';
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(33 + (x % 90));
  }
  return s;
}

describe('streamed ZIP in storage parts', () => {
  it('splits the archive into parts that read back as the same valid ZIP', async () => {
    const storage = new MemoryStorage();
    const sink = new StoragePartsSink(storage, 'exports/x', 4096);
    const zip = new ZipWriter(sink);
    const big = noise(50_000);
    const write = zip.entry('big.txt');
    for (let i = 0; i < big.length; i += 7_000) await write(big.slice(i, i + 7_000));
    await write(null);
    await zip.file('small.json', '{"a":1}');
    await zip.end();
    await sink.flush();
    expect(sink.parts).toBeGreaterThan(1);
    expect(storage.objects.size).toBe(sink.parts);
    expect([...storage.objects.values()].every((p, i, all) => i === all.length - 1 || p.length >= 4096)).toBe(
      true,
    );
    const chunks: Buffer[] = [];
    for await (const c of readParts(storage, 'exports/x', sink.parts)) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(sink.bytes);
    const files = unzipSync(new Uint8Array(bytes));
    expect(strFromU8(files['big.txt']!)).toBe(big);
    expect(strFromU8(files['small.json']!)).toBe('{"a":1}');
  });

  it('discard removes every stored part', async () => {
    const storage = new MemoryStorage();
    const sink = new StoragePartsSink(storage, 'exports/y', 1024);
    const zip = new ZipWriter(sink);
    await zip.file('a.txt', noise(40_000));
    await zip.file('b.txt', noise(40_000));
    expect(sink.parts).toBeGreaterThan(1);
    expect(storage.objects.has(partPath('exports/y', 1))).toBe(true);
    await sink.discard();
    expect(storage.objects.size).toBe(0);
  });

  it('refuses an entry while another is open, and an unfinished archive', async () => {
    const zip = new ZipWriter(new MemorySink());
    const write = zip.entry('a');
    expect(() => zip.entry('b')).toThrow(/still open/);
    await write('x');
    await expect(zip.end()).rejects.toThrow(/still open/);
  });
});
