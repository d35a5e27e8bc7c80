#!/usr/bin/env node
/**
 * Side-by-side instruction count of two builds: `npm run bench:count -- <base-rev> [passes]`.
 *
 * The load-independent companion of bench:compare: on a shared machine the timing of two builds
 * varies by more than a few percent from run to run, an instruction count does not. For each of
 * bench:c3d's and bench:emg's workloads (scripts/bench-workload.mjs) and each build (base, new),
 * valgrind's callgrind counts the instructions of the whole process twice, once with 0 passes
 * after the warm-up and once with <passes> (default 3); the difference divided by <passes> is the
 * instructions of one pass of steady-state work: no start-up, module loading or warm-up in it.
 *
 * Node runs with V8's --predictable flag (no background compiler or GC threads, no timers steering
 * the heap), so that the same build counts the same figure run after run (measured: within
 * 0.002 %). The flag is the same for both builds; what it changes in V8 changes it for both.
 *
 * An instruction count is not a time (it does not see cache misses or page faults), so it
 * complements bench:compare's alternated timings; it does not replace them.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, withBaseBuild } from './bench-builds.mjs';

const base = process.argv[2] ?? 'HEAD~1';
const passes = Number(process.argv[3] ?? 3);
const workload = join(root, 'scripts/bench-workload.mjs');

/** Instructions callgrind counted for the workload of `bench` run from `tree`'s build. */
function instructions(tree, bench, count) {
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', 'node', '--predictable'];
  const run = spawnSync('valgrind', [...args, workload, tree, bench, String(count)], {
    cwd: root,
    encoding: 'utf8',
  });
  const total = /Collected : (\d+)/.exec(run.stderr ?? '')?.[1];
  if (run.status !== 0 || !total) throw new Error(`valgrind on ${bench} (${tree}) failed:\n${run.stderr}`);
  return Number(total);
}

const perPass = (tree, bench) => (instructions(tree, bench, passes) - instructions(tree, bench, 0)) / passes;

await withBaseBuild(base, (worktree) => {
  for (const bench of ['c3d', 'emg']) {
    const before = perPass(worktree, bench);
    const after = perPass(root, bench);
    const millions = (n) => `${(n / 1e6).toFixed(1)} M`;
    console.log(
      `bench:${bench}, instructions per pass: base (${base}) ${millions(before)}, new ${millions(after)}, new/base ${(after / before).toFixed(4)}`,
    );
  }
});
