// Agreement of detected contractions with reference ones (the device's activated channel, or a
// synthetic truth): one-to-one matching by largest overlap, onset/offset differences and F1.
import { percentile } from '../stats/percentile.js';
import type { Span } from './intervals.js';

export interface Agreement {
  detected: number;
  reference: number;
  matched: number;
  precision: number | null;
  recall: number | null;
  /** 2 matched / (detected + reference); null when both are empty. */
  f1: number | null;
  /** detected - reference, ms, over matched pairs (median and 25th/75th percentiles). */
  onsetDiffMs: DiffStats | null;
  offsetDiffMs: DiffStats | null;
}

export interface DiffStats {
  median: number;
  q25: number;
  q75: number;
  iqr: number;
  /** Median of |difference|. */
  medianAbs: number;
}

function stats(d: number[]): DiffStats | null {
  if (d.length === 0) return null;
  const q25 = percentile(d, 25);
  const q75 = percentile(d, 75);
  return { median: percentile(d, 50), q25, q75, iqr: q75 - q25, medianAbs: percentile(d.map(Math.abs), 50) };
}

/** Reference spans in order each take the free detected span overlapping them most (first on ties). */
export function matchSpans(detected: readonly Span[], reference: readonly Span[]): Array<[number, number]> {
  const used = new Uint8Array(detected.length);
  const pairs: Array<[number, number]> = [];
  reference.forEach((r, ri) => {
    let best = -1;
    let bestOv = 0;
    detected.forEach((d, di) => {
      if (used[di]) return;
      const ov = Math.min(d.end, r.end) - Math.max(d.start, r.start);
      if (ov > bestOv) {
        bestOv = ov;
        best = di;
      }
    });
    if (best >= 0) {
      used[best] = 1;
      pairs.push([best, ri]);
    }
  });
  return pairs;
}

export function agreement(detected: readonly Span[], reference: readonly Span[], fs: number): Agreement {
  const pairs = matchSpans(detected, reference);
  const k = pairs.length;
  const on = pairs.map(([d, r]) => ((detected[d]!.start - reference[r]!.start) / fs) * 1000);
  const off = pairs.map(([d, r]) => ((detected[d]!.end - reference[r]!.end) / fs) * 1000);
  const nd = detected.length;
  const nr = reference.length;
  return {
    detected: nd,
    reference: nr,
    matched: k,
    precision: nd ? k / nd : null,
    recall: nr ? k / nr : null,
    f1: nd + nr ? (2 * k) / (nd + nr) : null,
    onsetDiffMs: stats(on),
    offsetDiffMs: stats(off),
  };
}
