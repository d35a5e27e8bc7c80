/**
 * Where the shared corpus of real recordings lives for the corpus suites: CORPUS_DIR, or the
 * corpus folder kept next to the repository. A fresh clone has none; the suites then skip,
 * loudly: a warning in the test output, and a failure when REQUIRE_CORPUS=1 (CI on a machine that
 * has the corpus must not pass by skipping).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Corpus {
  dir: string;
  present: boolean;
}

export function sharedCorpus(sub = '', suite = 'corpus suite'): Corpus {
  const root = process.env.CORPUS_DIR ?? join(process.cwd(), '..', 'shared', 'data');
  const dir = join(root, sub);
  const present = existsSync(dir);
  if (!present) {
    const message =
      `${suite}: SKIPPED, the shared corpus is missing at ${dir} ` +
      '(set CORPUS_DIR to its folder; REQUIRE_CORPUS=1 turns this skip into a failure)';
    if (process.env.REQUIRE_CORPUS === '1') throw new Error(message);
    console.warn(`\n*** ${message} ***\n`);
  }
  return { dir, present };
}
