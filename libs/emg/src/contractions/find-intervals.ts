// Onsets/offsets of `smoothed > threshold` (strict), paired as the original does.
import type { Interval } from './types.js';

/**
 * start = first sample above; end = first sample back below. A signal active at 0 starts
 * at 0; one still active at the end is closed at n - 1.
 */
export function findIntervals(smoothed: ArrayLike<number>, threshold: number): Interval[] {
  const n = smoothed.length;
  const starts: number[] = [];
  const ends: number[] = [];
  if (n === 0) return [];
  let prev = smoothed[0]! > threshold;
  if (prev) starts.push(0);
  for (let i = 1; i < n; i++) {
    const cur = smoothed[i]! > threshold;
    if (cur !== prev) (cur ? starts : ends).push(i);
    prev = cur;
  }
  if (prev && (ends.length === 0 || ends[ends.length - 1]! < n - 1)) ends.push(n - 1);
  return pair(starts, ends);
}

function pair(starts: number[], ends: number[]): Interval[] {
  if (ends.length > starts.length) {
    // greedy: each start takes the first end after it (cannot happen with the edges above,
    // kept for parity with the original's pairing rule)
    const out: Interval[] = [];
    let j = 0;
    for (const s of starts) {
      while (j < ends.length && ends[j]! <= s) j++;
      if (j === ends.length) break;
      out.push({ start: s, end: ends[j++]! });
    }
    return out;
  }
  const m = Math.min(starts.length, ends.length);
  const out: Interval[] = new Array<Interval>(m);
  for (let i = 0; i < m; i++) out[i] = { start: starts[i]!, end: ends[i]! };
  return out;
}
