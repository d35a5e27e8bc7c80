// Direct-form-II-transposed IIR filtering in place, the structure scipy.signal.lfilter uses.
// Order 4 (the envelope filters) runs through the tuned kernels in kernels/lfilter4.ts;
// lfilterGeneral is the plain loop they are tested against.
import { lfilter4, lfilter4Pair } from '../kernels/lfilter4.js';

/**
 * Filters `x` in place (last sample first when `reverse`), starting from state `z` (length
 * max(len(a), len(b)) - 1, modified). Coefficients must already be normalised so that a[0] = 1
 * and have equal length.
 */
export function lfilterInPlace(
  b: Float64Array,
  a: Float64Array,
  x: Float64Array,
  z: Float64Array,
  reverse = false,
): void {
  if (z.length === 4) lfilter4(b, a, x, z, reverse);
  else lfilterGeneral(b, a, x, z, reverse);
}

/** lfilterInPlace for any order, written plainly: the reference of kernels/lfilter4.ts. */
export function lfilterGeneral(
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

/**
 * lfilterInPlace of two equal-length signals with the same coefficients, each from its own
 * state. The order-4 case runs both in one loop: every operation of each signal is the one
 * lfilterInPlace does (bit-identical output), but the two recursions are independent, so the
 * processor overlaps them instead of waiting on one chain of multiply-adds.
 */
export function lfilterPairInPlace(
  b: Float64Array,
  a: Float64Array,
  x1: Float64Array,
  z1: Float64Array,
  x2: Float64Array,
  z2: Float64Array,
  reverse = false,
): void {
  if (x1.length !== x2.length)
    throw new RangeError(`paired signals must have equal lengths, got ${x1.length} and ${x2.length}`);
  if (z1.length !== 4 || z2.length !== 4) {
    lfilterInPlace(b, a, x1, z1, reverse);
    lfilterInPlace(b, a, x2, z2, reverse);
    return;
  }
  lfilter4Pair(b, a, x1, z1, x2, z2, reverse);
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
export function normalizeTf(
  bIn: ArrayLike<number>,
  aIn: ArrayLike<number>,
): { b: Float64Array; a: Float64Array } {
  const a0 = aIn[0]!;
  if (a0 === 0) throw new RangeError('a[0] must be non-zero');
  const n = Math.max(bIn.length, aIn.length);
  const b = new Float64Array(n);
  const a = new Float64Array(n);
  for (let i = 0; i < bIn.length; i++) b[i] = bIn[i]! / a0;
  for (let i = 0; i < aIn.length; i++) a[i] = aIn[i]! / a0;
  return { b, a };
}
