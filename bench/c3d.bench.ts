/**
 * C3D read benchmark: median full-decode time per corpus file, MB/s, and the ratio to a single
 * pass summing the file as float32 (the practical floor). Not a test: numbers depend on the machine.
 *
 * A parse returns fresh Float64Arrays (5.5 MB for the largest GHOSTLY file); whether those land on
 * recycled or newly mapped pages depends on the C allocator's state (glibc's dynamic mmap/trim
 * thresholds), not on the decoder: ~750 page faults per parse and 3.7 ms instead of 1.6 ms in the
 * unsettled state, which can last for several files. To see the decoder alone, run with
 * GLIBC_TUNABLES=glibc.malloc.mmap_threshold=67108864:glibc.malloc.trim_threshold=268435456.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readC3d } from '../libs/c3d/src/index.js';

const roots = [join(process.cwd(), '../shared/data'), join(process.cwd(), 'test/fixtures')].filter((r) =>
  existsSync(r),
);

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

/**
 * Median times of `a` and `b`, measured alternately (a, b, a, b, ...) after the same warm-up, so
 * both see the same JIT state, GC phase and machine load (the machine is shared: measuring one
 * loop after the other let load changes and heap growth land on only one of them).
 */
function timePair(a: () => void, b: () => void, runs: number): [number, number] {
  const warmEnd = performance.now() + 50;
  for (let i = 0; i < 10 || performance.now() < warmEnd; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    ta.push(performance.now() - t);
    t = performance.now();
    b();
    tb.push(performance.now() - t);
  }
  return [median(ta), median(tb)];
}

interface Row {
  name: string;
  mb: number;
  parse: number;
  ratio: number;
  encoding: string;
}

function bench(path: string): Row | string {
  const bytes = new Uint8Array(readFileSync(path));
  const floats = new Float32Array(bytes.buffer.slice(0, bytes.length - (bytes.length % 4)));
  const runs = Math.max(31, Math.min(301, Math.floor(4e8 / bytes.length)));
  let file;
  try {
    file = readC3d(bytes);
  } catch {
    return `${path.padEnd(60)} (error, skipped)`;
  }
  const [parse, floor] = timePair(
    () => (sink += readC3d(bytes).points.frames),
    // NaN words would poison the checksum, not the timing
    () => (sink += floorPass(floats) || 1),
    runs,
  );
  const name = path.replace(/^.*\/(shared\/data|fixtures)\//, '');
  return {
    name,
    mb: bytes.length / 1e6,
    parse,
    ratio: parse / floor,
    encoding: `${file.processor} ${file.dataFormat}`,
  };
}

function line(r: Row): string {
  return `${r.name.padEnd(70)} ${r.encoding.padEnd(13)} ${r.mb.toFixed(2).padStart(6)} MB  ${r.parse.toFixed(3).padStart(8)} ms  ${(r.mb / (r.parse / 1000)).toFixed(0).padStart(6)} MB/s  ${r.ratio.toFixed(2).padStart(6)}x floor`;
}

// the same recording can be both in ../shared/data and in test/fixtures: measure it once
const seen = new Set<string>();
// optional arguments: substrings of the paths to measure (npm run bench:c3d -- sample_01 ghostly/)
const only = process.argv.slice(2);
const files = [...new Set(roots.flatMap(walk))]
  .sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .filter((f) => {
    const key = `${basename(f)}:${statSync(f).size}`;
    return !seen.has(key) && !!seen.add(key);
  });
process.stdout.write(
  `${'file'.padEnd(70)} ${'encoding'.padEnd(13)}   size        median      speed    vs floor\n`,
);
const rows: Row[] = [];
for (const f of files) {
  const r = bench(f);
  process.stdout.write(`${typeof r === 'string' ? r : line(r)}\n`);
  if (typeof r !== 'string') rows.push(r);
}
// Summary for the targets: float files whose samples dominate (>= 0.25 MB; in smaller ones the
// fixed cost of the parameter section outweighs a 0.1 ms floor), by processor.
process.stdout.write('\nfloat files >= 0.25 MB, parse time / float32 floor:\n');
for (const proc of ['intel', 'dec', 'mips']) {
  const sel = rows
    .filter((r) => r.encoding === `${proc} float` && r.mb >= 0.25)
    .map((r) => r.ratio)
    .sort((a, b) => a - b);
  if (sel.length === 0) continue;
  const within = sel.filter((x) => x <= 4).length;
  process.stdout.write(
    `  ${proc.padEnd(6)} ${String(sel.length).padStart(3)} files, median ${median(sel).toFixed(2)}x, max ${sel[sel.length - 1]!.toFixed(2)}x, ${within} within 4x\n`,
  );
}
const largest = rows.filter((r) => r.name.startsWith('ghostly/')).sort((a, b) => b.mb - a.mb)[0];
if (largest)
  process.stdout.write(
    `largest GHOSTLY file (${largest.mb.toFixed(2)} MB): ${largest.parse.toFixed(3)} ms median\n`,
  );
process.stdout.write(`(checksum ${Number.isNaN(sink) ? 'NaN' : 'ok'})\n`);
