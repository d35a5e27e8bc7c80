/**
 * Min/max-preserving downsampling for plots: the signal is cut into buckets and each bucket
 * keeps its minimum and its maximum, in time order, so peaks survive (plain striding loses them).
 */
export interface DownsampledSignal {
  /** Sample indices into the original signal, ascending. */
  index: number[];
  values: number[];
}

export function minMaxDownsample(signal: ArrayLike<number>, maxPoints: number): DownsampledSignal {
  const n = signal.length;
  if (n <= maxPoints) {
    return { index: Array.from({ length: n }, (_, i) => i), values: Array.from(signal) };
  }
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const index: number[] = [];
  const values: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (signal[i]! < signal[lo]!) lo = i;
      if (signal[i]! > signal[hi]!) hi = i;
    }
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    index.push(first);
    values.push(signal[first]!);
    if (second !== first) {
      index.push(second);
      values.push(signal[second]!);
    }
  }
  return { index, values };
}
