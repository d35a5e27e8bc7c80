/**
 * Report benchmark on the largest GHOSTLY recording (0881: 175 s, 2 EMG channels at 990 Hz,
 * 26 contractions). Prints median and p95 over BENCH_ROUNDS (default 30) runs, after warm-up, of:
 *   html warm   the service's warm path: signals already in memory (its loader keeps the last
 *               sets), model + SVG plots (min/max downsampling of 4 x 173,370 samples) + HTML
 *   html cold   file bytes -> C3D parse -> signals (processed envelopes) -> model -> HTML
 *   pdf warm    the same HTML -> PDF in the already started Chromium (A4)
 *   pdf first   the first PDF of a process, browser launch included
 * and checks the 150 ms target of html warm (exit code 1 when missed). PDF needs /usr/bin/chromium
 * (or CHROMIUM_PATH); without it the PDF rows say so.
 *
 * Run: npm run bench:report
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { analyzeC3d, buildEmgSignals } from '@app/analysis';
import { readC3d } from '@app/c3d';
import {
  PdfRenderer,
  findChromium,
  renderSessionReport,
  sessionReportFromAnalysis,
  type SessionReportModel,
} from '@app/report/node';

const ROOT = resolve(import.meta.dirname, '../..');
const NAME = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
const FILE = join(ROOT, 'test/fixtures/ghostly', NAME);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const PDF_ROUNDS = Number(process.env.BENCH_PDF_ROUNDS ?? 10);
const TARGET_MS = 150;

const bytes = readFileSync(FILE);
const sha256 = createHash('sha256').update(bytes).digest('hex');
// the stored analysis (not part of a report request: the service reads it from the database)
const report = analyzeC3d(readC3d(bytes));

function model(signals: ReturnType<typeof buildEmgSignals>): SessionReportModel {
  return sessionReportFromAnalysis(report, signals, {
    file: { name: NAME, sha256, size_bytes: bytes.length },
    serviceVersion: 'bench',
  });
}

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(rounds: number, warmup: number, run: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out;
}

const row = (label: string, samples: number[], extra = '') => {
  const { median, p95 } = stats(samples);
  console.log(
    `${label.padEnd(12)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms${extra}`,
  );
};

async function main(): Promise<number> {
  const signals = buildEmgSignals(readC3d(bytes));
  const html = renderSessionReport(model(signals));
  console.log(
    `${NAME}: ${bytes.length.toLocaleString('en')} bytes, ${signals.samples.toLocaleString('en')} samples per channel, HTML ${html.length.toLocaleString('en')} characters`,
  );
  const warm = await time(ROUNDS, 5, () => renderSessionReport(model(signals)));
  row('html warm', warm, `   (target < ${TARGET_MS} ms)`);
  row('html cold', await time(ROUNDS, 3, () => renderSessionReport(model(buildEmgSignals(readC3d(bytes))))));

  const chromium = findChromium(process.env.CHROMIUM_PATH);
  if (!chromium) console.log('pdf          skipped: no Chromium (set CHROMIUM_PATH or install chromium)');
  else {
    const renderer = new PdfRenderer(chromium);
    try {
      const t0 = performance.now();
      const first = await renderer.render(html);
      console.log(
        `pdf first    ${(performance.now() - t0).toFixed(1).padStart(14)} ms   (browser launch included; ${first.length.toLocaleString('en')} bytes)`,
      );
      row('pdf warm', await time(PDF_ROUNDS, 2, () => renderer.render(html)));
    } finally {
      await renderer.close();
    }
  }
  const { median } = stats(warm);
  if (median >= TARGET_MS) {
    console.error(`html warm median ${median.toFixed(1)} ms misses the ${TARGET_MS} ms target`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
