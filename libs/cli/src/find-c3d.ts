/** The .c3d files of a directory (any case of the extension), optionally of its subfolders too. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface FoundFiles {
  /** Paths relative to the directory, '/'-separated, sorted. */
  files: string[];
  /** Subfolders that were not searched (without --recursive). */
  unsearchedFolders: number;
}

const isC3d = (name: string) => name.toLowerCase().endsWith('.c3d');

export function findC3dFiles(dir: string, recursive: boolean): FoundFiles {
  const files: string[] = [];
  let unsearchedFolders = 0;
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory());
      if (isDir && recursive) walk(path);
      else if (isDir && !isC3d(entry.name)) unsearchedFolders++;
      // a folder named x.c3d is listed: reading it fails, and that failure is reported per file
      else if (isC3d(entry.name)) files.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return { files: files.sort(), unsearchedFolders };
}
