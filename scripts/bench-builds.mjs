/**
 * The two builds a side-by-side benchmark compares: <base-rev> checked out in a temporary git
 * worktree that shares this checkout's node_modules, and this working tree. Both are built with
 * `npm run build` before `measure(baseTree, newTree)` runs; the worktree is removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

function sh(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

export async function withBaseBuild(base, measure) {
  const worktree = mkdtempSync(join(tmpdir(), 'bench-base-'));
  rmSync(worktree, { recursive: true });
  sh('git', ['worktree', 'add', '--detach', worktree, base], root);
  try {
    symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
    sh('npm', ['run', 'build', '--silent'], worktree);
    sh('npm', ['run', 'build', '--silent'], root);
    await measure(worktree, root);
  } finally {
    sh('git', ['worktree', 'remove', '--force', worktree], root);
  }
}
