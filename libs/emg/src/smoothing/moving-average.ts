// Boxcar moving average with numpy.convolve(x, ones(M)/M, mode='same') alignment.

/** Window sums are recomputed from scratch this often, bounding running-sum drift. */
const RESYNC_EVERY = 512;

/**
 * numpy.convolve(x, ones(M)/M, 'same'): output length max(N, M); output[k] averages
 * x[k + h - M + 1 .. k + h] with h = (min(N, M) - 1) >> 1, zeros outside the signal, and
 * always divides by M (so the edges are attenuated, as in the original).
 *
 * A running sum keeps this O(N). It is resynchronised every 512 samples and reset to an
 * exact 0 whenever the window holds only zeros, so gated signals (GHOSTLY "activated"
 * channels are 0 on ~98 % of samples) smooth to exact zeros as numpy's direct sums do.
 */
export function movingAverage(x: ArrayLike<number>, window: number, out?: Float64Array): Float64Array {
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError(`window must be a positive integer, got ${window}`);
  const n = x.length;
  const len = Math.max(n, window);
  const y = out ?? new Float64Array(len);
  if (n === 0) return y.fill(0);
  const h = (Math.min(n, window) - 1) >> 1;
  const inv = 1 / window;
  let sum = 0;
  let nonZero = 0;
  // window of output k covers [k + h - window + 1, k + h]; prime it for k = -1
  for (let j = h - window; j <= h - 1; j++) {
    if (j >= 0 && j < n && x[j] !== 0) {
      sum += x[j]!;
      nonZero++;
    }
  }
  for (let k = 0; k < len; k++) {
    const hi = k + h;
    const lo = hi - window;
    // outside the signal the samples are zeros
    const add = hi < n ? x[hi]! : 0;
    const drop = lo >= 0 && lo < n ? x[lo]! : 0;
    // one addition on the running sum's dependency chain (two would halve the speed)
    sum += add - drop;
    nonZero += (add !== 0 ? 1 : 0) - (drop !== 0 ? 1 : 0);
    if (nonZero === 0) sum = 0;
    else if (k % RESYNC_EVERY === 0) sum = exactSum(x, lo + 1, hi);
    y[k] = sum * inv;
  }
  return y;
}

function exactSum(x: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  const lo = Math.max(0, from);
  const hi = Math.min(x.length - 1, to);
  for (let j = lo; j <= hi; j++) s += x[j]!;
  return s;
}
