/** @app/c3d/node: file-path entry for Node callers. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readC3d } from './read.js';
import { type C3dFile, type ReadOptions } from './types.js';

export * from './index.js';

/** Synchronous on purpose: C3D files are small, and `await readC3dFile(p)` works as well. */
export function readC3dFile(path: string, options?: ReadOptions): C3dFile {
  return readC3d(readFileSync(path), options);
}

export async function readC3dFileAsync(path: string, options?: ReadOptions): Promise<C3dFile> {
  return readC3d(await readFile(path), options);
}
