// Summary statistics over per-window values (original calculate_temporal_stats).

export interface TemporalStat {
  mean: number | null;
  /** Sample standard deviation (ddof = 1). */
  std: number | null;
  min: number | null;
  max: number | null;
  validWindows: number;
  /** std / mean; null when mean = 0. */
  cv: number | null;
}

/** Statistics of values[0..n); all null (count kept) below `minCount` values. */
export function describe(values: ArrayLike<number>, n = values.length, minCount = 3): TemporalStat {
  if (n < minCount || n < 2)
    return { mean: null, std: null, min: null, max: null, validWindows: n, cv: null };
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    s += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) * (values[i]! - mean);
  const std = Math.sqrt(ss / (n - 1));
  return { mean, std, min, max, validWindows: n, cv: mean !== 0 ? std / mean : null };
}
