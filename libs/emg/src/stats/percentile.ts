// numpy.percentile(x, q) with the default 'linear' method, by selection instead of a full sort.
import { SCRATCH_A, scratch } from '../scratch.js';

/**
 * q in [0, 100]. Virtual index q/100 * (n - 1); interpolates between the two order
 * statistics around it with numpy's lerp (which switches form at t >= 0.5).
 */
export function percentile(x: ArrayLike<number>, q: number): number {
  const n = x.length;
  if (n === 0) throw new RangeError('percentile of an empty array');
  if (!(q >= 0 && q <= 100)) throw new RangeError(`q must be in [0, 100], got ${q}`);
  const v = (q / 100) * (n - 1);
  const lo = Math.floor(v);
  const t = v - lo;
  const work = scratch(SCRATCH_A, n);
  work.set(x);
  for (let i = 0; i < n; i++) if (Number.isNaN(work[i]!)) return Number.NaN;
  const a = select(work, lo);
  if (lo + 1 >= n) return a;
  // after select, everything right of lo is >= a: the next order statistic is their minimum
  let b = Infinity;
  for (let i = lo + 1; i < n; i++) if (work[i]! < b) b = work[i]!;
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** Hoare-style quickselect: on return work[k] holds the k-th smallest value and work[k+1..] >= it. */
function select(work: Float64Array, k: number): number {
  let left = 0;
  let right = work.length - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    const pivot = median3(work[left]!, work[mid]!, work[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (work[i]! < pivot) i++;
      while (work[j]! > pivot) j--;
      if (i <= j) {
        const tmp = work[i]!;
        work[i] = work[j]!;
        work[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return work[k]!;
}

function median3(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
