// Median time of the full analysis (both channels, all metrics, temporal statistics, scores)
// per GHOSTLY file and in total. C3D reading is excluded (bench:c3d measures it).
//
// Every file is warmed up first, then the files are measured in rounds (RUNS_PER_ROUND runs of
// each file per round): a slow spell of this shared machine then lands on every file instead of
// on the one file whose runs it happened to overlap (measured one file at a time, one file's
// median once took 42 ms against 27 ms in the next run).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readC3dFile } from '@app/c3d/node';
import { analyzeC3d } from '@app/analysis';

const dir = join(process.cwd(), 'test', 'fixtures', 'ghostly');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RUNS_PER_ROUND = 5;
const WARMUP_PASSES = 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.c3d'))
  .sort()
  .map((name) => ({ name, file: readC3dFile(join(dir, name)), times: [] as number[] }));

for (let pass = 0; pass < WARMUP_PASSES; pass++) for (const f of files) analyzeC3d(f.file);

const roundSums: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  let sum = 0;
  for (const f of files) {
    const times: number[] = [];
    for (let i = 0; i < RUNS_PER_ROUND; i++) {
      const t0 = performance.now();
      analyzeC3d(f.file);
      times.push(performance.now() - t0);
    }
    f.times.push(...times);
    sum += median(times);
  }
  roundSums.push(sum);
}

let total = 0;
for (const f of files) {
  const m = median(f.times);
  total += m;
  const samples = String(f.file.analog.channels[0]!.length).padStart(7);
  console.log(
    `${f.name.padEnd(42)} ${samples} samples/ch  median ${m.toFixed(2).padStart(7)} ms  (min ${Math.min(...f.times).toFixed(2)})`,
  );
}
const range = `${Math.min(...roundSums).toFixed(1)}-${Math.max(...roundSums).toFixed(1)}`;
console.log(
  `${'all 7 (sum of medians)'.padEnd(62)}  median ${total.toFixed(2).padStart(7)} ms  (rounds: ${range} ms)`,
);
console.log(`${ROUNDS} rounds x ${RUNS_PER_ROUND} runs of each file, after ${WARMUP_PASSES} warm-up passes`);
