#!/usr/bin/env node
/**
 * Side-by-side speed check of two builds: `npm run bench:compare -- <base-rev> [rounds]`.
 *
 * Builds <base-rev> (default HEAD~1) in a temporary git worktree that shares this checkout's
 * node_modules, builds the working tree, then runs bench:c3d and bench:emg of each build in
 * alternation (base, new, base, new, ...) from this checkout's directory, so both read the same
 * files under the same machine load. Prints, per bench, the median over rounds of each build's
 * total and the ratio new / base. A ratio within 0.95-1.05 is "unchanged".
 *
 * Figures: bench:c3d, the sum of the per-file median parse times (ms) and the median ratio of
 * parse time to the float32 floor over the Intel float files (each file's ratio is measured
 * against a floor pass timed alternately with it, so it carries little of the machine's load);
 * bench:emg, its "all 7 (sum of medians)" figure (ms).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root, withBaseBuild } from './bench-builds.mjs';

const base = process.argv[2] ?? 'HEAD~1';
const rounds = Number(process.argv[3] ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const malloc = 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728';

await withBaseBuild(base, (worktree) => {
  const benches = {
    c3d: {
      'sum of per-file medians (ms)': (out) =>
        out
          .split('\n')
          .map((line) => /\s(\d+\.\d+) ms\s+\d+ MB\/s/.exec(line))
          .filter(Boolean)
          .reduce((sum, m) => sum + Number(m[1]), 0),
      'intel float files, median x floor': (out) =>
        Number(/intel\s+\d+ files, median (\d+\.\d+)x/.exec(out)?.[1]),
    },
    emg: {
      'all 7, sum of medians (ms)': (out) =>
        Number(/all 7 \(sum of medians\)\s+median\s+(\d+\.\d+) ms/.exec(out)?.[1]),
    },
  };

  for (const [name, figures] of Object.entries(benches)) {
    const seen = Object.fromEntries(Object.keys(figures).map((f) => [f, { base: [], new: [] }]));
    for (let round = 0; round < rounds; round++) {
      for (const [label, tree] of [
        ['base', worktree],
        ['new', root],
      ]) {
        const out = execFileSync('node', [join(tree, `dist/bench/${name}.bench.js`)], {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? malloc },
        });
        for (const [figure, read] of Object.entries(figures)) seen[figure][label].push(read(out));
      }
      for (const [figure, { base: b, new: n }] of Object.entries(seen)) {
        console.log(
          `bench:${name} round ${round + 1}, ${figure}: base ${b.at(-1).toFixed(2)}, new ${n.at(-1).toFixed(2)}`,
        );
      }
    }
    for (const [figure, { base: b, new: n }] of Object.entries(seen)) {
      const mb = median(b);
      const mn = median(n);
      console.log(
        `bench:${name}, ${figure}: base (${base}) ${mb.toFixed(2)}, new ${mn.toFixed(2)}, new/base ${(mn / mb).toFixed(3)}`,
      );
    }
  }
});
