// MVC from a calibration trial: the mean of the best (highest-mean) window of the envelope
// (SENIAM; Konrad, "ABC of EMG": mean of the best 0.5-1 s of a maximal isometric trial).

export interface MvcWindow {
  /** Mean envelope over the window, V. */
  value: number;
  start: number;
  end: number;
}

export function bestWindowMean(env: ArrayLike<number>, w: number): MvcWindow {
  const n = env.length;
  if (n === 0) throw new RangeError('MVC window of an empty envelope');
  const len = Math.max(1, Math.min(n, Math.trunc(w)));
  const c = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) c[i + 1] = c[i]! + env[i]!;
  let best = 0;
  let bestSum = c[len]! - c[0]!;
  for (let i = 1; i + len <= n; i++) {
    const s = c[i + len]! - c[i]!;
    if (s > bestSum) {
      bestSum = s;
      best = i;
    }
  }
  let s = 0;
  for (let i = best; i < best + len; i++) s += env[i]!;
  return { value: s / len, start: best, end: best + len };
}
