// numpy.percentile(x, q) with the default 'linear' method, by selection instead of a full sort.
import { SLOT_A, workBuffer, type Workspace } from '../workspace.js';

/**
 * q in [0, 100]. Virtual index q/100 * (n - 1); interpolates between the two order
 * statistics around it with numpy's lerp (which switches form at t >= 0.5). The selection
 * copy goes to `ws` when given.
 */
export function percentile(x: ArrayLike<number>, q: number, ws?: Workspace): number {
  const n = x.length;
  if (n === 0) throw new RangeError('percentile of an empty array');
  if (!(q >= 0 && q <= 100)) throw new RangeError(`q must be in [0, 100], got ${q}`);
  const v = (q / 100) * (n - 1);
  const lo = Math.floor(v);
  const t = v - lo;
  const stats = n >= BRACKET_MIN_N ? bracketedOrderStats(x, lo, ws) : null;
  const [a, b] = stats ?? fullOrderStats(x, lo, ws);
  if (Number.isNaN(a)) return Number.NaN;
  if (lo + 1 >= n) return a;
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** Below this size the plain copy-and-select is as fast as bracketing. */
const BRACKET_MIN_N = 8192;
const SAMPLE_SIZE = 1024;
/** Sample ranks kept either side of the expected one (the rank's sd is <= 16 for 1024 samples). */
const SAMPLE_MARGIN = 48;

/** Order statistics k and k+1 (NaN if x has a NaN) by copying x and selecting. */
function fullOrderStats(x: ArrayLike<number>, k: number, ws: Workspace | undefined): [number, number] {
  const n = x.length;
  const work = workBuffer(ws, SLOT_A, n);
  work.set(x);
  for (let i = 0; i < n; i++) if (Number.isNaN(work[i]!)) return [Number.NaN, Number.NaN];
  return selectPair(work, k);
}

/**
 * Order statistics k and k+1 found by selection among the values between two bounds taken
 * from a sorted, evenly spaced sample: one pass counts the values below the lower bound and
 * copies those inside (a few percent of them), so the selection runs on that small copy.
 * The values are the exact order statistics; null when the bounds missed ranks k and k+1
 * (an unlucky sample), and the caller falls back to the full selection.
 */
function bracketedOrderStats(
  x: ArrayLike<number>,
  k: number,
  ws: Workspace | undefined,
): [number, number] | null {
  const n = x.length;
  const sample = new Float64Array(SAMPLE_SIZE);
  const stride = n / SAMPLE_SIZE;
  for (let i = 0; i < SAMPLE_SIZE; i++) sample[i] = x[Math.floor(i * stride)]!;
  sample.sort(); // NaN sorts last; the pass below finds any NaN anyway
  const pos = Math.round((k / (n - 1)) * (SAMPLE_SIZE - 1));
  const low = pos - SAMPLE_MARGIN < 0 ? -Infinity : sample[pos - SAMPLE_MARGIN]!;
  const high = pos + SAMPLE_MARGIN >= SAMPLE_SIZE ? Infinity : sample[pos + SAMPLE_MARGIN]!;
  const inside = workBuffer(ws, SLOT_A, n);
  let below = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const val = x[i]!;
    if (val < low) below++;
    else if (val <= high) inside[m++] = val;
    else if (val !== val) return [Number.NaN, Number.NaN];
  }
  const need = k + 1 < n ? k + 1 : k;
  if (below > k || below + m <= need) return null;
  return selectPair(inside.subarray(0, m), k - below);
}

/** work[k] after selection, and the next order statistic (the minimum right of it). */
function selectPair(work: Float64Array, k: number): [number, number] {
  const a = select(work, k);
  // after select, everything right of k is >= a: the next order statistic is their minimum
  let b = Infinity;
  for (let i = k + 1; i < work.length; i++) if (work[i]! < b) b = work[i]!;
  return [a, b];
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
