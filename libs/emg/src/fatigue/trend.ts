// Ordinary least-squares trend of a value over time, with the slope's confidence interval.
import { studentTQuantile } from './student-t.js';

export interface Trend {
  n: number;
  /** Units of y per second. */
  slope: number;
  intercept: number;
  /** Standard error of the slope. */
  slopeStderr: number;
  ciLow: number;
  ciHigh: number;
  /** Fitted value at the first abscissa: the "initial value" slopes are normalised to. */
  initial: number;
  /** 100 x slope / initial, %/s (null when initial = 0). */
  slopePct: number | null;
  ciLowPct: number | null;
  ciHighPct: number | null;
}

/** null below 3 points (no residual degree of freedom) or when all t are equal. */
export function linearTrend(t: readonly number[], y: readonly number[], confidence = 0.95): Trend | null {
  const n = t.length;
  if (n < 3 || y.length !== n) return null;
  let tm = 0;
  let ym = 0;
  for (let i = 0; i < n; i++) {
    tm += t[i]!;
    ym += y[i]!;
  }
  tm /= n;
  ym /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (t[i]! - tm) * (t[i]! - tm);
    sxy += (t[i]! - tm) * (y[i]! - ym);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  const intercept = ym - slope * tm;
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i]! - (intercept + slope * t[i]!);
    ssr += r * r;
  }
  const se = Math.sqrt(ssr / (n - 2) / sxx);
  const q = studentTQuantile((1 + confidence) / 2, n - 2);
  const ciLow = slope - q * se;
  const ciHigh = slope + q * se;
  const initial = intercept + slope * t[0]!;
  const pct = (v: number) => (initial !== 0 ? (100 * v) / initial : null);
  return {
    n,
    slope,
    intercept,
    slopeStderr: se,
    ciLow,
    ciHigh,
    initial,
    slopePct: pct(slope),
    ciLowPct: pct(ciLow),
    ciHighPct: pct(ciHigh),
  };
}
