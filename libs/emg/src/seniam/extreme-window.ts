// The window of an envelope with the lowest or the highest mean, found over running sums: the
// rest period (lowest) and the MVC of a calibration trial (highest) are both this search.

export interface WindowSpan {
  /** First sample of the window. */
  start: number;
  /** One past the last sample. */
  end: number;
}

/**
 * The first window of `w` samples (w clamped to [1, n]) whose sum is the lowest ('lowest') or
 * the highest ('highest'); on ties, the first one. `env` must not be empty.
 */
export function extremeWindow(env: ArrayLike<number>, w: number, which: 'lowest' | 'highest'): WindowSpan {
  const n = env.length;
  const len = Math.max(1, Math.min(n, Math.trunc(w)));
  // running sums in index order: the same additions as numpy.cumsum
  const c = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) c[i + 1] = c[i]! + env[i]!;
  const better = which === 'lowest' ? (s: number, b: number) => s < b : (s: number, b: number) => s > b;
  let best = 0;
  let bestSum = c[len]! - c[0]!;
  for (let i = 1; i + len <= n; i++) {
    const s = c[i + len]! - c[i]!;
    if (better(s, bestSum)) {
      bestSum = s;
      best = i;
    }
  }
  return { start: best, end: best + len };
}
