// Direct-form-II-transposed IIR filtering in place, the structure scipy.signal.lfilter uses.

/**
 * Filters `x[from..to)` in place (forward when step = 1, backward when step = -1), starting
 * from state `z` (length max(len(a), len(b)) - 1, modified). Coefficients must already be
 * normalised so that a[0] = 1 and have equal length.
 */
export function lfilterInPlace(
  b: Float64Array,
  a: Float64Array,
  x: Float64Array,
  z: Float64Array,
  reverse = false,
): void {
  const m = z.length;
  const n = x.length;
  const b0 = b[0]!;
  for (let t = 0; t < n; t++) {
    const i = reverse ? n - 1 - t : t;
    const xi = x[i]!;
    const yi = b0 * xi + (m > 0 ? z[0]! : 0);
    for (let k = 0; k < m - 1; k++) z[k] = b[k + 1]! * xi + z[k + 1]! - a[k + 1]! * yi;
    if (m > 0) z[m - 1] = b[m]! * xi - a[m]! * yi;
    x[i] = yi;
  }
}

/** scipy.signal.lfilter(b, a, x, zi=zi): returns the output and the final state. */
export function lfilter(
  bIn: ArrayLike<number>,
  aIn: ArrayLike<number>,
  x: ArrayLike<number>,
  zi?: ArrayLike<number>,
): { y: Float64Array; zf: Float64Array } {
  const { b, a } = normalizeTf(bIn, aIn);
  const z = new Float64Array(b.length - 1);
  if (zi) z.set(zi);
  const y = Float64Array.from(x);
  lfilterInPlace(b, a, y, z);
  return { y, zf: z };
}

/** Pads b and a to equal length and divides both by a[0]. */
export function normalizeTf(bIn: ArrayLike<number>, aIn: ArrayLike<number>): { b: Float64Array; a: Float64Array } {
  const a0 = aIn[0]!;
  if (a0 === 0) throw new RangeError('a[0] must be non-zero');
  const n = Math.max(bIn.length, aIn.length);
  const b = new Float64Array(n);
  const a = new Float64Array(n);
  for (let i = 0; i < bIn.length; i++) b[i] = bIn[i]! / a0;
  for (let i = 0; i < aIn.length; i++) a[i] = aIn[i]! / a0;
  return { b, a };
}
