// Automatic rest period: the window of the envelope with the lowest mean. Its mean and SD
// are the baseline noise that onset thresholds are set against (Hodges & Bui 1996).
import { extremeWindow, type WindowSpan } from './extreme-window.js';

export interface RestWindow extends WindowSpan {
  mean: number;
  /** Population SD (ddof 0) over the window. */
  sd: number;
}

/** Lowest-mean window of `w` samples (first one on ties); w is clamped to [1, n]. */
export function findRestWindow(env: ArrayLike<number>, w: number): RestWindow {
  if (env.length === 0) throw new RangeError('rest window of an empty signal');
  const { start, end } = extremeWindow(env, w, 'lowest');
  return { start, end, ...meanSd(env, start, end) };
}

/** Two-pass mean and population SD of x[from..to). */
export function meanSd(x: ArrayLike<number>, from: number, to: number): { mean: number; sd: number } {
  const n = to - from;
  let m = 0;
  for (let i = from; i < to; i++) m += x[i]!;
  m /= n;
  let s = 0;
  for (let i = from; i < to; i++) s += (x[i]! - m) * (x[i]! - m);
  return { mean: m, sd: Math.sqrt(s / n) };
}
