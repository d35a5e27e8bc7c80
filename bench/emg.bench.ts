// Median time of the full analysis (both channels, all metrics, temporal statistics, scores)
// per GHOSTLY file and in total. C3D reading is excluded (bench:c3d measures it).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readC3dFile } from '@app/c3d/node';
import { analyzeC3d } from '@app/analysis';

const dir = join(process.cwd(), 'test', 'fixtures', 'ghostly');
const RUNS = 15;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.c3d'))
  .sort();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

let total = 0;
for (const f of files) {
  const file = readC3dFile(join(dir, f));
  analyzeC3d(file); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    analyzeC3d(file);
    times.push(performance.now() - t0);
  }
  const m = median(times);
  total += m;
  console.log(
    `${f.padEnd(42)} ${String(file.analog.channels[0]!.length).padStart(7)} samples/ch  median ${m.toFixed(2).padStart(7)} ms  (min ${Math.min(...times).toFixed(2)})`,
  );
}
console.log(`${'all 7 (sum of medians)'.padEnd(62)}  median ${total.toFixed(2).padStart(7)} ms`);
