// Signal-quality validation of the raw channel before the envelope (original validate_signal_quality).
import type { QualityLimits } from './profiles/types.js';
import { stdPopulation } from './stats/amplitude.js';

export type QualityIssue = 'too_short' | 'duration_too_short' | 'duration_too_long' | 'flat' | 'non_finite';

export interface QualityResult {
  valid: boolean;
  issue: QualityIssue | null;
  message: string;
}

/** Checks in the original's order: samples, min duration, max duration, variation, finiteness. */
export function validateSignalQuality(
  x: ArrayLike<number>,
  fs: number,
  limits: QualityLimits,
): QualityResult {
  const n = x.length;
  const d = n / fs;
  const bad = (issue: QualityIssue, message: string): QualityResult => ({ valid: false, issue, message });
  if (n < limits.minSamples) {
    return bad(
      'too_short',
      `Signal too short: ${n} samples (${d.toFixed(3)} seconds at ${fs} Hz). Minimum samples required: ${limits.minSamples}.`,
    );
  }
  if (d < limits.minDurationS) {
    return bad(
      'duration_too_short',
      `Signal duration insufficient: ${d.toFixed(3)} seconds; at least ${limits.minDurationS} s required.`,
    );
  }
  if (d > limits.maxDurationS) {
    return bad(
      'duration_too_long',
      `Signal too long: ${(d / 60).toFixed(1)} minutes exceeds clinical maximum of ${limits.maxDurationS / 60} minutes.`,
    );
  }
  const std = stdPopulation(x);
  if (std < limits.minStd) return bad('flat', `Signal lacks variation: std ${std} below ${limits.minStd}.`);
  if (!Number.isFinite(std)) return bad('non_finite', 'Signal contains NaN or infinite values');
  return { valid: true, issue: null, message: 'Signal quality acceptable' };
}
