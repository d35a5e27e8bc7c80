/**
 * The fixed work that `bench:count` counts instructions of: `node scripts/bench-workload.mjs
 * <tree> <c3d|emg> <passes>`, with <tree> a built checkout (its dist/ is imported). The work
 * mirrors bench:c3d and bench:emg, without their clocks: a fixed number of warm-up passes, so
 * that the code is optimised as it is when those benches time it, then <passes> passes.
 *
 * - c3d: every readable C3D file of ../shared/data and test/fixtures (each recording once, as in
 *   bench:c3d), read with readC3d three times per warm-up pass and once per pass.
 * - emg: the seven GHOSTLY fixtures, each analysed with analyzeC3d once per pass (reading
 *   excluded, as in bench:emg).
 *
 * Prints a checksum of the results, so that no pass can be optimised away unnoticed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const [tree, bench, passesArg] = process.argv.slice(2);
const passes = Number(passesArg);
const WARMUP_PASSES = 3;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.c3d$/i.test(name) ? [path] : [];
  });
}

function c3dFiles() {
  const seen = new Set();
  return [join(process.cwd(), '../shared/data'), join(process.cwd(), 'test/fixtures')]
    .filter((dir) => existsSync(dir))
    .flatMap(walk)
    .sort()
    .filter((path) => {
      const key = `${basename(path)}:${statSync(path).size}`;
      return !seen.has(key) && !!seen.add(key);
    });
}

async function c3dWork() {
  const { readC3d } = await import(join(tree, 'dist/libs/c3d/src/index.js'));
  const inputs = c3dFiles()
    .map((path) => new Uint8Array(readFileSync(path)))
    .filter((bytes) => {
      try {
        readC3d(bytes);
        return true;
      } catch {
        return false;
      }
    });
  return {
    warm: () => inputs.reduce((sum, bytes) => sum + readC3d(bytes).points.frames * 3, 0),
    pass: () => inputs.reduce((sum, bytes) => sum + readC3d(bytes).analog.channels.length, 0),
  };
}

async function emgWork() {
  const { readC3dFile } = await import(join(tree, 'dist/libs/c3d/src/node.js'));
  const { analyzeC3d } = await import(join(tree, 'dist/libs/analysis/src/index.js'));
  const dir = join(process.cwd(), 'test/fixtures/ghostly');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.c3d'))
    .sort()
    .map((name) => readC3dFile(join(dir, name)));
  const contractions = (file) =>
    Object.values(analyzeC3d(file).analytics).reduce((sum, channel) => sum + channel.contractions.length, 0);
  const pass = () => files.reduce((sum, file) => sum + contractions(file), 0);
  return { warm: pass, pass };
}

const work = bench === 'c3d' ? await c3dWork() : await emgWork();
let checksum = 0;
for (let i = 0; i < WARMUP_PASSES; i++) checksum += work.warm();
for (let i = 0; i < passes; i++) checksum += work.pass();
console.log(`checksum ${checksum}`);
