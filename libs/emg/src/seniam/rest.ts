// Automatic rest period: the window of the envelope with the lowest mean. Its mean and SD
// are the baseline noise that onset thresholds are set against (Hodges & Bui 1996).

export interface RestWindow {
  /** First sample of the window. */
  start: number;
  /** One past the last sample. */
  end: number;
  mean: number;
  /** Population SD (ddof 0) over the window. */
  sd: number;
}

/** Lowest-mean window of `w` samples (first one on ties); w is clamped to [1, n]. */
export function findRestWindow(env: ArrayLike<number>, w: number): RestWindow {
  const n = env.length;
  if (n === 0) throw new RangeError('rest window of an empty signal');
  const len = Math.max(1, Math.min(n, Math.trunc(w)));
  // running sums in index order: the same additions as numpy.cumsum
  const c = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) c[i + 1] = c[i]! + env[i]!;
  let best = 0;
  let bestSum = c[len]! - c[0]!;
  for (let i = 1; i + len <= n; i++) {
    const s = c[i + len]! - c[i]!;
    if (s < bestSum) {
      bestSum = s;
      best = i;
    }
  }
  return { start: best, end: best + len, ...meanSd(env, best, best + len) };
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
