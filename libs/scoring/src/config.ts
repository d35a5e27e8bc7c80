// Scoring configuration: weights, RPE -> effort mapping and targets. GHOSTLY_TRIAL_DEFAULT is
// the original's trial row (its weights, RPE mapping and targets).

export interface ScoringWeights {
  /** Main weights (renormalised over the available components). */
  compliance: number;
  symmetry: number;
  effort: number;
  game: number;
  /** Sub-weights of the per-muscle compliance. */
  completion: number;
  intensity: number;
  duration: number;
}

export interface ScoringConfig {
  id: string;
  name: string;
  weights: ScoringWeights;
  /** Borg CR-10 RPE (0..10) -> effort score (0..100). One table (the original's DB mapping). */
  rpeMapping: Readonly<Record<number, number>>;
  /** Effort score for an RPE without a mapping entry (original: 50). */
  rpeUnmappedScore: number;
  /** RPE assumed when none was recorded; used for the reported AND the counted effort. */
  defaultRpe: number;
  /** Expected contractions per muscle when the session gives no target. */
  expectedContractionsPerMuscle: number;
  /** BFR pressure (% AOP) window, inclusive, inside which the compliance gate is 1. */
  bfrGate: { minAop: number; maxAop: number };
}

export const GHOSTLY_TRIAL_DEFAULT: Readonly<ScoringConfig> = Object.freeze({
  id: 'a0000000-0000-0000-0000-000000000001',
  name: 'GHOSTLY-TRIAL-DEFAULT',
  weights: Object.freeze({
    compliance: 0.5,
    symmetry: 0.25,
    effort: 0.25,
    game: 0,
    completion: 0.333,
    intensity: 0.333,
    duration: 0.334,
  }),
  rpeMapping: Object.freeze({
    0: 10,
    1: 25,
    2: 50,
    3: 85,
    4: 100,
    5: 100,
    6: 75,
    7: 50,
    8: 25,
    9: 15,
    10: 10,
  }),
  rpeUnmappedScore: 50,
  defaultRpe: 4,
  expectedContractionsPerMuscle: 12,
  bfrGate: Object.freeze({ minAop: 45, maxAop: 55 }),
});
