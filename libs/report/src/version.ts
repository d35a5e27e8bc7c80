// The version of the package this code ships in, for the report footer: the nearest package.json
// above this module (the source tree and the built dist/ tree both sit under the project root).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
      cached = pkg.version ?? 'unknown';
      return cached;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  cached = 'unknown';
  return cached;
}
