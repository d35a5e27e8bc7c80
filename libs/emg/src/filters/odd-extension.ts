// Odd extension used by SciPy's filtfilt/sosfiltfilt padding (padtype='odd').

/** Returns x extended by `padlen` samples each side: 2*x[0] - x[padlen..1], ..., 2*x[n-1] - x[n-2..n-1-padlen]. */
export function oddExtension(x: ArrayLike<number>, padlen: number): Float64Array {
  return oddExtensionOf(x, padlen, false);
}

/**
 * oddExtension of x, or of |x| when `rectify` (fused so the envelope skips a pass and a copy),
 * written into `out` (length n + 2 * padlen, every element overwritten) when given.
 */
export function oddExtensionOf(
  x: ArrayLike<number>,
  padlen: number,
  rectify: boolean,
  out?: Float64Array,
): Float64Array {
  const n = x.length;
  if (padlen >= n) throw new RangeError(`signal length ${n} must exceed the pad length ${padlen}`);
  out ??= new Float64Array(n + 2 * padlen);
  if (rectify) for (let i = 0; i < n; i++) out[padlen + i] = Math.abs(x[i]!);
  else for (let i = 0; i < n; i++) out[padlen + i] = x[i]!;
  const first = out[padlen]!;
  const last = out[padlen + n - 1]!;
  for (let i = 0; i < padlen; i++) out[i] = 2 * first - out[2 * padlen - i]!;
  for (let i = 0; i < padlen; i++) out[padlen + n + i] = 2 * last - out[padlen + n - 2 - i]!;
  return out;
}
