/**
 * C3D read benchmark: median full-decode time per corpus file, MB/s, and the ratio to a single
 * pass summing the file as float32 (the practical floor). Not a test: numbers depend on the machine.
 *
 * A parse returns fresh output arrays (5.5 MB of Float64Array for the largest GHOSTLY file).
 * Under glibc's default, dynamic mmap and trim thresholds, whether those land on mapped or
 * on fresh pages depends on when V8 last freed a batch of old outputs: 0-750 page faults per
 * parse, 1.5-2.4 ms instead of 1.1-1.2 ms for that file. `npm run bench:c3d` runs with the
 * malloc settings the service runs with (package.json config.malloc: fixed thresholds, so
 * freed outputs are reused); `node dist/bench/c3d.bench.js` runs with glibc's defaults. The
 * page faults per parse are printed beside each file, and the setting in force above the table.
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
 * Median times of `a` and `b`, and page faults per run, measured alternately (a, b, a, b, ...) after the same warm-up, so
 * both see the same JIT state, GC phase and machine load (the machine is shared: measuring one
 * loop after the other let load changes and heap growth land on only one of them).
 */
function timePair(a: () => void, b: () => void, runs: number): [number, number, number] {
  const warmEnd = performance.now() + 50;
  for (let i = 0; i < 10 || performance.now() < warmEnd; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const faults = process.resourceUsage().minorPageFault;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    ta.push(performance.now() - t);
    t = performance.now();
    b();
    tb.push(performance.now() - t);
  }
  return [median(ta), median(tb), (process.resourceUsage().minorPageFault - faults) / runs];
}

/**
 * Steady state before any timing: every file parsed (and its floor pass run) a few times, so
 * that the decoder's loops for each encoding are optimised for all the shapes they will see
 * before the first file is measured. Without it the files measured first paid for tiering-up
 * and for the reoptimisation that later shapes caused: the same Sample01 bytes measured 0.63 ms
 * as the first DEC file of a run and 0.24 ms later in the same run.
 */
function warmUp(inputs: Input[]): void {
  const end = performance.now() + 3000;
  for (let round = 0; round < 5 && performance.now() < end; round++) {
    for (const { bytes, floats } of inputs) {
      for (let i = 0; i < 3; i++) {
        sink += readC3d(bytes).points.frames;
        sink += floorPass(floats) || 1;
      }
    }
  }
}

interface Row {
  name: string;
  mb: number;
  encoding: string;
  /** Per round: median parse time (ms), its ratio to the floor, page faults per parse. */
  parse: number[];
  ratio: number[];
  faults: number[];
}

/** One round of one file: parse and floor alternately, `runs` times each. */
/** A file that reads, with its float32 view for the floor pass and its reads per round. */
interface Input {
  row: Row;
  bytes: Uint8Array;
  floats: Float32Array;
  runs: number;
}

function measure(bytes: Uint8Array, floats: Float32Array, runs: number): [number, number, number] {
  // the floor pass allocates nothing: the page faults are the parses' fresh output pages
  const [parse, floor, faults] = timePair(
    () => (sink += readC3d(bytes).points.frames),
    // NaN words would poison the checksum, not the timing
    () => (sink += floorPass(floats) || 1),
    runs,
  );
  return [parse, parse / floor, faults];
}

function line(r: Row): string {
  const parse = median(r.parse);
  const ratio = median(r.ratio);
  const spread = `${Math.min(...r.ratio).toFixed(2)}-${Math.max(...r.ratio).toFixed(2)}`;
  return `${r.name.padEnd(70)} ${r.encoding.padEnd(13)} ${r.mb.toFixed(2).padStart(6)} MB  ${parse.toFixed(3).padStart(8)} ms  ${(r.mb / (parse / 1000)).toFixed(0).padStart(6)} MB/s  ${ratio.toFixed(2).padStart(6)}x floor (${spread})  ${median(r.faults).toFixed(0).padStart(4)}`;
}

// the same recording can be both in the corpus folder and in test/fixtures: measure it once
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

/**
 * Rounds: every file is measured once per round, the rounds one after the other. This machine is
 * shared, and its load changes over seconds: one long measurement per file let a busy spell land
 * on a few files only. A file's figures are the medians over the rounds, with the range of its
 * ratio beside them.
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const inputs: Input[] = [];
for (const path of files) {
  const bytes = new Uint8Array(readFileSync(path));
  let file;
  try {
    file = readC3d(bytes);
  } catch {
    process.stdout.write(`${path.padEnd(60)} (error, skipped)\n`);
    continue;
  }
  const row: Row = {
    name: path.replace(/^.*\/(shared\/data|fixtures)\//, ''),
    mb: bytes.length / 1e6,
    encoding: `${file.processor} ${file.dataFormat}`,
    parse: [],
    ratio: [],
    faults: [],
  };
  const floats = new Float32Array(bytes.buffer.slice(0, bytes.length - (bytes.length % 4)));
  const runs = Math.max(21, Math.min(201, Math.floor(3e8 / bytes.length / ROUNDS)));
  inputs.push({ row, bytes, floats, runs });
}
warmUp(inputs);
for (let round = 0; round < ROUNDS; round++) {
  process.stderr.write(`round ${round + 1} of ${ROUNDS}\n`);
  for (const { row, bytes, floats, runs } of inputs) {
    const [parse, ratio, faults] = measure(bytes, floats, runs);
    row.parse.push(parse);
    row.ratio.push(ratio);
    row.faults.push(faults);
  }
}
process.stdout.write(
  `malloc: ${process.env.GLIBC_TUNABLES ? `GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES}` : "glibc's defaults"}\n`,
);
process.stdout.write(
  `${'file'.padEnd(70)} ${'encoding'.padEnd(13)}   size        median      speed    vs floor (range over ${ROUNDS} rounds)  faults/parse\n`,
);
const rows = inputs.map((input) => input.row);
for (const r of rows) process.stdout.write(`${line(r)}\n`);
// Summary for the targets: float files whose samples dominate (>= 0.25 MB; in smaller ones the
// fixed cost of the parameter section outweighs a 0.1 ms floor), by processor.
process.stdout.write('\nfloat files >= 0.25 MB, parse time / float32 floor:\n');
for (const proc of ['intel', 'dec', 'mips']) {
  const sel = rows
    .filter((r) => r.encoding === `${proc} float` && r.mb >= 0.25)
    .map((r) => median(r.ratio))
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
    `largest GHOSTLY file (${largest.mb.toFixed(2)} MB): ${median(largest.parse).toFixed(3)} ms median\n`,
  );
process.stdout.write(`(checksum ${Number.isNaN(sink) ? 'NaN' : 'ok'})\n`);
