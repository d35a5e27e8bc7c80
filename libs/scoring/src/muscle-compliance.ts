import type { ScoringWeights } from './config.js';

export interface MuscleCounts {
  totalContractions: number;
  mvcContractions: number;
  durationContractions: number;
  /** Target for this muscle; falls back to the configuration's default. */
  expectedContractions?: number | null;
}

export interface MuscleCompliance {
  /** (w_comp R_comp + w_int R_int + w_dur R_dur) x 100. */
  score: number;
  completionRate: number;
  intensityRate: number;
  durationRate: number;
  expectedContractions: number;
}

/** Per-muscle compliance: completion, intensity and duration rates weighted. Rates are capped at 1. */
export function muscleCompliance(
  m: MuscleCounts,
  w: ScoringWeights,
  defaultExpected: number,
): MuscleCompliance {
  const expected = m.expectedContractions ?? defaultExpected;
  const n = m.totalContractions;
  // nothing expected counts as complete
  const completionRate = expected > 0 ? Math.min(n / expected, 1) : 1;
  const intensityRate = n > 0 ? Math.min(m.mvcContractions / n, 1) : 0;
  const durationRate = n > 0 ? Math.min(m.durationContractions / n, 1) : 0;
  const score =
    (w.completion * completionRate + w.intensity * intensityRate + w.duration * durationRate) * 100;
  return { score, completionRate, intensityRate, durationRate, expectedContractions: expected };
}
