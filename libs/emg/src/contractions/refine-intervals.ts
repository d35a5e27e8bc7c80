// Minimum duration, merging of close intervals and splitting of long ones (in that order).
import type { Interval } from './types.js';

export interface RefineOptions {
  minSamples: number;
  mergeGapSamples: number;
  maxSamples: number;
  refractorySamples: number;
}

export function refineIntervals(
  intervals: readonly Interval[],
  o: RefineOptions,
): { intervals: Interval[]; preMergeCount: number } {
  // the original drops short fragments before merging, so they can never bridge a gap
  const kept = intervals.filter((c) => c.end - c.start >= o.minSamples);
  const merged: Interval[] = [];
  for (const c of kept) {
    const last = merged[merged.length - 1];
    if (last && c.start - last.end <= o.mergeGapSamples) last.end = Math.max(last.end, c.end);
    else merged.push({ start: c.start, end: c.end });
  }
  const out: Interval[] = [];
  for (const c of merged) {
    if (c.end - c.start <= o.maxSamples) {
      out.push(c);
      continue;
    }
    for (let cur = c.start; cur < c.end;) {
      const segEnd = Math.min(cur + o.maxSamples, c.end);
      out.push({ start: cur, end: segEnd });
      cur = segEnd + Math.max(1, o.refractorySamples);
    }
  }
  return { intervals: out, preMergeCount: kept.length };
}
