// MVC calibration from a processed envelope: the original's MVC service (clinical_estimation),
// applied to the same envelope and percentile that the session analysis estimates its MVC from,
// so that a calibration and an analysis of one file give the same MVC value.
import { stdPopulation } from '../stats/amplitude.js';
import { percentile } from '../stats/percentile.js';

export interface MvcEstimate {
  /** The given percentile (95th) of the envelope, V. */
  mvcValue: number;
  /** mvcValue x thresholdPercentage / 100, V. */
  thresholdValue: number;
  thresholdPercentage: number;
  /**
   * 0.4 max(0, 1 - std/mean) + 0.4 min(1, (p95/mean) / 5) + 0.2 min(1, N / 10000), in [0, 1]:
   * a steady envelope, a clear peak above the mean and a long enough signal each add confidence.
   * 0 for the first two terms when the mean is not positive.
   */
  confidence: number;
  stats: {
    samples: number;
    mean: number;
    /** Population standard deviation (ddof 0). */
    std: number;
    p90: number;
    p95: number;
    p99: number;
  };
}

export function estimateMvc(
  envelope: ArrayLike<number>,
  thresholdPercentage: number,
  estimationPercentile = 95,
): MvcEstimate {
  const n = envelope.length;
  if (n === 0) throw new RangeError('MVC estimation needs a non-empty envelope');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += envelope[i]!;
  const mean = sum / n;
  const std = stdPopulation(envelope);
  const mvcValue = percentile(envelope, estimationPercentile);
  const p95 = estimationPercentile === 95 ? mvcValue : percentile(envelope, 95);
  const steady = mean > 0 ? 0.4 * Math.max(0, 1 - std / mean) : 0;
  const peaked = mean > 0 ? 0.4 * Math.min(1, p95 / mean / 5) : 0;
  const long = 0.2 * Math.min(1, n / 10_000);
  return {
    mvcValue,
    thresholdValue: (mvcValue * thresholdPercentage) / 100,
    thresholdPercentage,
    confidence: Math.min(1, Math.max(0, steady + peaked + long)),
    stats: { samples: n, mean, std, p90: percentile(envelope, 90), p95, p99: percentile(envelope, 99) },
  };
}
