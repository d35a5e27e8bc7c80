// Steady-state initial conditions of a direct-form-II-transposed filter, as scipy.signal.lfilter_zi.

/**
 * State `zi` such that filtering a constant 1 starting from `zi` gives a constant output
 * (the DC gain). Coefficients are normalised by a[0]; b and a are zero-padded to equal length.
 */
export function lfilterZi(bIn: ArrayLike<number>, aIn: ArrayLike<number>): Float64Array {
  const n = Math.max(bIn.length, aIn.length);
  const a0 = aIn[0]!;
  if (a0 === 0) throw new RangeError('a[0] must be non-zero');
  const b = new Float64Array(n);
  const a = new Float64Array(n);
  for (let i = 0; i < bIn.length; i++) b[i] = bIn[i]! / a0;
  for (let i = 0; i < aIn.length; i++) a[i] = aIn[i]! / a0;
  // zi solves (I - A) zi = B with A the transposed companion matrix. Written out, the
  // first state carries sum(B) / sum(a) and the rest follow by back-substitution.
  const zi = new Float64Array(n - 1);
  if (n === 1) return zi;
  let sumB = 0;
  let sumA = 1;
  for (let k = 1; k < n; k++) {
    sumB += b[k]! - a[k]! * b[0]!;
    sumA += a[k]!;
  }
  zi[0] = sumB / sumA;
  let aSum = 1;
  let cSum = 0;
  for (let k = 1; k < n - 1; k++) {
    aSum += a[k]!;
    cSum += b[k]! - a[k]! * b[0]!;
    zi[k] = aSum * zi[0]! - cSum;
  }
  return zi;
}
