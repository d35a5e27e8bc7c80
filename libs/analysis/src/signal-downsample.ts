/**
 * Min/max-preserving downsampling of several arrays that share one time axis (a signal entry:
 * data, rms_envelope, processed_data). The samples are cut into equal buckets; every bucket keeps,
 * for EACH array, the index of its minimum and of its maximum, and all arrays are then read at the
 * union of those indices in time order. So every array keeps its peaks, and all arrays of an entry
 * still pair up index by index on the one time axis.
 */

/**
 * Indices (ascending, unique) to keep so that at most `maxPoints` points remain. `maxPoints` = 0,
 * or a signal no longer than it, keeps every sample.
 */
export function extremaIndices(arrays: ArrayLike<number>[], length: number, maxPoints: number): Uint32Array {
  if (maxPoints <= 0 || length <= maxPoints || arrays.length === 0) {
    return Uint32Array.from({ length }, (_, i) => i);
  }
  const perBucket = 2 * arrays.length;
  const buckets = Math.max(1, Math.floor(maxPoints / perBucket));
  const out: number[] = [];
  const picked: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * length) / buckets);
    const end = Math.floor(((b + 1) * length) / buckets);
    picked.length = 0;
    for (const a of arrays) {
      let lo = start;
      let hi = start;
      for (let i = start + 1; i < end; i++) {
        const v = a[i]!;
        if (v < a[lo]!) lo = i;
        if (v > a[hi]!) hi = i;
      }
      picked.push(lo, hi);
    }
    picked.sort((x, y) => x - y);
    for (let k = 0; k < picked.length; k++) if (k === 0 || picked[k] !== picked[k - 1]) out.push(picked[k]!);
  }
  return Uint32Array.from(out);
}

/** `values` read at `index`, as a plain array (for JSON). */
export function pick(values: ArrayLike<number>, index: Uint32Array): number[] {
  const out = new Array<number>(index.length);
  for (let k = 0; k < index.length; k++) out[k] = values[index[k]!]!;
  return out;
}

/**
 * Every `stride`-th sample (the original's downsample_factor), then, when more than `maxPoints`
 * remain, their bucket extrema as {@link extremaIndices}. Indices into the full arrays.
 */
export function strideExtremaIndices(
  arrays: ArrayLike<number>[],
  length: number,
  stride: number,
  maxPoints: number,
): Uint32Array {
  if (stride <= 1) return extremaIndices(arrays, length, maxPoints);
  const strided = new Uint32Array(Math.ceil(length / stride));
  for (let k = 0; k < strided.length; k++) strided[k] = k * stride;
  if (maxPoints <= 0 || strided.length <= maxPoints) return strided;
  const picked = extremaIndices(
    arrays.map((a) => pick(a, strided)),
    strided.length,
    maxPoints,
  );
  return picked.map((k) => strided[k]!);
}
