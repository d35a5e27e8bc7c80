import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  assertSafeObjectPath,
  ObjectStorage,
  StorageObjectNotFoundError,
  StorageUnavailableError,
} from './object-storage.js';

/** Objects as files under `<root>/<bucket>/`; writes go through a temp file and a rename. */
export class FilesystemStorage extends ObjectStorage {
  private readonly base: string;

  constructor(
    root: string,
    readonly bucket: string,
  ) {
    super();
    this.base = join(root, bucket);
  }

  private fileFor(path: string): string {
    assertSafeObjectPath(path);
    return join(this.base, path);
  }

  async put(path: string, data: Uint8Array): Promise<void> {
    const file = this.fileFor(path);
    const tmp = `${file}.${randomUUID()}.tmp`;
    try {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(tmp, data);
      await rename(tmp, file);
    } catch (cause) {
      await rm(tmp, { force: true });
      throw new StorageUnavailableError(`Could not write ${path}`, { cause });
    }
  }

  /** Copied on disk through a temp file and a rename: never more than a copy buffer in memory. */
  override async putFile(path: string, localFile: string): Promise<void> {
    const file = this.fileFor(path);
    const tmp = `${file}.${randomUUID()}.tmp`;
    try {
      await mkdir(dirname(file), { recursive: true });
      await copyFile(localFile, tmp);
      await rename(tmp, file);
    } catch (cause) {
      await rm(tmp, { force: true });
      throw new StorageUnavailableError(`Could not write ${path}`, { cause });
    }
  }

  async get(path: string): Promise<Uint8Array> {
    // outside the try: an invalid path is the caller's 400, not storage trouble
    const file = this.fileFor(path);
    try {
      return new Uint8Array(await readFile(file));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw new StorageObjectNotFoundError(path);
      throw new StorageUnavailableError(`Could not read ${path}`, { cause });
    }
  }

  async delete(path: string): Promise<void> {
    await rm(this.fileFor(path), { force: true });
  }

  async checkWritable(): Promise<void> {
    const probe = `.health/${randomUUID()}`;
    await this.put(probe, new Uint8Array([1]));
    await this.delete(probe);
  }
}
