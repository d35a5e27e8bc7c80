/**
 * Every real C3D file the kernel tests run over: test/fixtures/**.c3d, and the shared corpus's
 * **.c3d when it is present (see corpus.ts; the corpus part is skipped, loudly, when absent).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedCorpus } from './corpus.js';

export interface RealFile {
  /** Where it was found: `fixtures/...` or `corpus/...`. */
  name: string;
  path: string;
}

function c3dFilesUnder(root: string, prefix: string): RealFile[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((rel) => rel.toLowerCase().endsWith('.c3d'))
    .sort()
    .map((rel) => ({ name: `${prefix}/${rel}`, path: join(root, rel) }));
}

export function realC3dFiles(suite: string): { fixtures: RealFile[]; corpus: RealFile[] } {
  const fixtures = c3dFilesUnder(join(process.cwd(), 'test', 'fixtures'), 'fixtures');
  const corpus = sharedCorpus('', suite);
  return { fixtures, corpus: corpus.present ? c3dFilesUnder(corpus.dir, 'corpus') : [] };
}
