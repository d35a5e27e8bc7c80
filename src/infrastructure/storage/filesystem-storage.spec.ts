import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemStorage } from './filesystem-storage.js';
import { StorageObjectNotFoundError } from './object-storage.js';

describe('FilesystemStorage', () => {
  const root = mkdtempSync(join(tmpdir(), 'storage-'));
  const storage = new FilesystemStorage(root, 'c3d-examples');

  it('round-trips objects in nested folders', async () => {
    await storage.put('P001/a file (1).c3d', new Uint8Array([1, 2, 3]));
    expect(Array.from(await storage.get('P001/a file (1).c3d'))).toEqual([1, 2, 3]);
    expect(readdirSync(join(root, 'c3d-examples', 'P001'))).toEqual(['a file (1).c3d']);
  });

  it('reports a missing object with a typed error', async () => {
    await expect(storage.get('P001/missing.c3d')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it('refuses paths that leave the bucket', async () => {
    for (const bad of ['../x', '/etc/passwd', 'P001/../../x', 'a\\b']) {
      await expect(storage.put(bad, new Uint8Array([0]))).rejects.toMatchObject({
        code: 'invalid_object_path',
      });
    }
  });

  it('proves it is writable', async () => {
    await expect(storage.checkWritable()).resolves.toBeUndefined();
  });
});
