// Onset detection of seniam-v1, per method (hodges, bonato, tkeo):
//  1. synthetic recordings with known truth - bursts of known onset, duration, amplitude and
//     spectral centre on coloured (AR(1)) noise at several SNRs - F1 of matched contractions and
//     onset/offset errors (detected - true, ms: median, IQR, median |error|);
//  2. the seven GHOSTLY files against the device's "activated" channel (agreement only: that
//     channel's processing is proprietary and is no ground truth).
// Run: npm run bench:onsets  (BENCH_RECORDINGS sets recordings per SNR, default 8).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readC3dFile } from '@app/c3d/node';
import {
  agreement,
  analyzeSeniamChannel,
  bandpass,
  butterworthBandpassSos,
  detectOnsets,
  linearEnvelope,
  ONSET_METHODS,
  SENIAM_V1,
  sosfiltfilt,
  type Agreement,
  type OnsetMethod,
  type Span,
} from '@app/emg';

const FS = 990;
const P = SENIAM_V1.seniam!;
const RECORDINGS = Number(process.env.BENCH_RECORDINGS ?? 8);
const SNRS = [0, 3, 6, 12, 20];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  const uni = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uni() || 1e-300)) * Math.cos(2 * Math.PI * uni());
}

function rmsOf(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / x.length);
}

/** 30 s of AR(1) noise (a = 0.9, RMS 10 uV) with bursts one octave wide around `centre` Hz. */
function synthetic(seed: number, snrDb: number): { x: Float64Array; truth: Span[] } {
  const g = rng(seed);
  const u = rng(seed ^ 0x9e3779b9);
  const uniform = (a: number, b: number) => a + (b - a) * (0.5 + Math.atan(u()) / Math.PI);
  const n = 30 * FS;
  const x = new Float64Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) x[i] = prev = 0.9 * prev + g();
  const k = 1e-5 / rmsOf(x);
  for (let i = 0; i < n; i++) x[i] = x[i]! * k + 2e-5;
  const truth: Span[] = [];
  const centre = uniform(70, 150);
  for (let t = 1.5; t < 27;) {
    const dur = uniform(0.3, 1.5);
    const s = Math.round(t * FS);
    const e = Math.round((t + dur) * FS);
    const sos = butterworthBandpassSos(4, centre / Math.SQRT2, Math.min(centre * Math.SQRT2, 0.45 * FS), FS);
    const b = sosfiltfilt(
      sos,
      Float64Array.from({ length: e - s }, () => g()),
    );
    const amp = (1e-5 * 10 ** (snrDb / 20) * uniform(0.8, 1.2)) / rmsOf(b);
    for (let i = s; i < e; i++) x[i] = x[i]! + amp * b[i - s]!;
    truth.push({ start: s, end: e });
    t += dur + uniform(1, 2);
  }
  return { x, truth };
}

interface Acc {
  tp: number;
  nd: number;
  nr: number;
  on: number[];
  off: number[];
}
const pct = (v: number[], q: number) => {
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const i = (q / 100) * (s.length - 1);
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
};
const f = (v: number, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : '-');

function add(acc: Acc, det: Span[], ref: Span[], a: Agreement): void {
  acc.tp += a.matched;
  acc.nd += a.detected;
  acc.nr += a.reference;
  // per-pair differences are recomputed here to pool them over recordings
  const used = new Set<number>();
  for (const r of ref) {
    let best = -1;
    let ov = 0;
    det.forEach((d, i) => {
      const o = Math.min(d.end, r.end) - Math.max(d.start, r.start);
      if (!used.has(i) && o > ov) [best, ov] = [i, o];
    });
    if (best < 0) continue;
    used.add(best);
    acc.on.push(((det[best]!.start - r.start) / FS) * 1000);
    acc.off.push(((det[best]!.end - r.end) / FS) * 1000);
  }
}

function row(label: string, acc: Acc): string {
  const f1 = (2 * acc.tp) / (acc.nd + acc.nr);
  const abs = (v: number[]) => v.map(Math.abs);
  return [
    label,
    `${acc.tp}/${acc.nr} (${acc.nd} det)`,
    f(f1, 3),
    f(pct(acc.on, 50)),
    f(pct(acc.on, 75) - pct(acc.on, 25)),
    f(pct(abs(acc.on), 50)),
    f(pct(acc.off, 50)),
    f(pct(acc.off, 75) - pct(acc.off, 25)),
    f(pct(abs(acc.off), 50)),
  ].join(' | ');
}

const HEAD =
  '| method | matched/true (detected) | F1 | onset median ms | onset IQR | onset median abs | offset median ms | offset IQR | offset median abs |\n|---|---|---|---|---|---|---|---|---|';

console.log(`## Synthetic recordings (${RECORDINGS} x 30 s per SNR, truth known)\n`);
for (const snr of SNRS) {
  const accs = new Map<OnsetMethod, Acc>(
    ONSET_METHODS.map((m) => [m, { tp: 0, nd: 0, nr: 0, on: [], off: [] }]),
  );
  for (let r = 0; r < RECORDINGS; r++) {
    const { x, truth } = synthetic(1000 * snr + r + 1, snr);
    const bp = bandpass(x, FS, P.bandpass);
    const env = linearEnvelope(bp, FS, P.envelope);
    for (const m of ONSET_METHODS) {
      const d = detectOnsets(m, { bp, env, fs: FS }, P).spans;
      add(accs.get(m)!, d, truth, agreement(d, truth, FS));
    }
  }
  console.log(`### SNR ${snr} dB\n\n${HEAD}`);
  for (const m of ONSET_METHODS) console.log(`| ${row(m, accs.get(m)!)} |`);
  console.log('');
}

console.log('## GHOSTLY files against the activated channel (agreement, not truth)\n');
const dir = join(process.cwd(), 'test', 'fixtures', 'ghostly');
const pooled = new Map<OnsetMethod, Acc>(
  ONSET_METHODS.map((m) => [m, { tp: 0, nd: 0, nr: 0, on: [], off: [] }]),
);
console.log(
  '| file | channel | method | matched/activated (detected) | F1 | onset median ms | onset IQR | onset median abs | offset median ms | offset IQR | offset median abs |\n|---|---|---|---|---|---|---|---|---|---|---|',
);
for (const name of readdirSync(dir)
  .filter((n) => n.endsWith('.c3d'))
  .sort()) {
  const c3d = readC3dFile(join(dir, name));
  const labels = c3d.analog.labels.map((l) => l.trim());
  const get = (l: string) => c3d.analog.channels[labels.indexOf(l)]!;
  for (const ch of ['CH1', 'CH2']) {
    const a = analyzeSeniamChannel(
      {
        raw: get(`${ch} Raw`),
        activated: get(`${ch} activated`),
        fs: c3d.analog.rate,
        thresholdPercentage: 75,
        durationThresholdMs: 2000,
      },
      SENIAM_V1,
    );
    const bp = bandpass(get(`${ch} Raw`), c3d.analog.rate, P.bandpass);
    const env = linearEnvelope(bp, c3d.analog.rate, P.envelope);
    for (const m of ONSET_METHODS) {
      const d = detectOnsets(m, { bp, env, fs: c3d.analog.rate }, P).spans;
      const acc: Acc = { tp: 0, nd: 0, nr: 0, on: [], off: [] };
      const ref = a.activatedSpans!;
      add(acc, d, ref, agreement(d, ref, c3d.analog.rate));
      add(pooled.get(m)!, d, ref, agreement(d, ref, c3d.analog.rate));
      console.log(`| ${name.replace('Ghostly_Emg_', '').replace('.c3d', '')} | ${ch} | ${row(m, acc)} |`);
    }
  }
}
console.log(`\n### Pooled over the 14 channels\n\n${HEAD}`);
for (const m of ONSET_METHODS) console.log(`| ${row(m, pooled.get(m)!)} |`);
