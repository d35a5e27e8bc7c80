// Odd extension used by SciPy's filtfilt/sosfiltfilt padding (padtype='odd').

/** Returns x extended by `padlen` samples each side: 2*x[0] - x[padlen..1], ..., 2*x[n-1] - x[n-2..n-1-padlen]. */
export function oddExtension(x: ArrayLike<number>, padlen: number): Float64Array {
  const n = x.length;
  if (padlen >= n) throw new RangeError(`signal length ${n} must exceed the pad length ${padlen}`);
  const out = new Float64Array(n + 2 * padlen);
  const first = x[0]!;
  const last = x[n - 1]!;
  for (let i = 0; i < padlen; i++) out[i] = 2 * first - x[padlen - i]!;
  for (let i = 0; i < n; i++) out[padlen + i] = x[i]!;
  for (let i = 0; i < padlen; i++) out[padlen + n + i] = 2 * last - x[n - 2 - i]!;
  return out;
}
