/**
 * C3D read benchmark: median full-decode time per corpus file, MB/s, and the ratio to a single
 * pass summing the file as float32 (the practical floor). Not a test: numbers depend on the machine.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readC3d } from '../libs/c3d/src/index.js';

const roots = [join(process.cwd(), '../shared/data'), join(process.cwd(), 'test/fixtures')].filter((r) => existsSync(r));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.c3d$/i.test(name) ? [path] : [];
  });
}

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

let sink = 0;

/** The floor: one pass over the bytes as float32 (aligned copy made once, outside the timing). */
function floorPass(floats: Float32Array): number {
  let s = 0;
  for (let i = 0; i < floats.length; i++) s += floats[i]!;
  return s;
}

function time(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function bench(path: string): string {
  const bytes = new Uint8Array(readFileSync(path));
  const floats = new Float32Array(bytes.buffer.slice(0, bytes.length - (bytes.length % 4)));
  const runs = Math.max(15, Math.min(200, Math.floor(2e8 / bytes.length)));
  try {
    readC3d(bytes);
  } catch {
    return `${path.padEnd(60)} (error, skipped)`;
  }
  for (let i = 0; i < 5; i++) sink += readC3d(bytes).points.frames + floorPass(floats);
  const parse = time(() => (sink += readC3d(bytes).points.frames), runs);
  const floor = time(() => (sink += floorPass(floats)), runs);
  const mb = bytes.length / 1e6;
  return `${path.replace(/^.*\/(shared\/data|fixtures)\//, '').padEnd(70)} ${mb.toFixed(2).padStart(6)} MB  ${parse.toFixed(3).padStart(8)} ms  ${(mb / (parse / 1000)).toFixed(0).padStart(6)} MB/s  ${(parse / floor).toFixed(2).padStart(6)}x floor`;
}

const files = [...new Set(roots.flatMap(walk))].sort();
process.stdout.write(`${'file'.padEnd(70)}   size        median      speed    vs floor\n`);
for (const f of files) process.stdout.write(`${bench(f)}\n`);
process.stdout.write(`(checksum ${sink > 0 ? 'ok' : sink})\n`);
