/** Writes the synthetic fixtures (see synthetic.ts) into test/fixtures/c3d. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeC3d } from '../src/writer/write.js';
import { syntheticCases } from './synthetic.js';

const root = join(process.cwd(), 'test/fixtures/c3d');
for (const c of syntheticCases) {
  const path = join(root, c.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, writeC3d(c.spec()));
  process.stdout.write(`${path}\n`);
}
