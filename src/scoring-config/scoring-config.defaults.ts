import { GHOSTLY_TRIAL_DEFAULT } from '@app/scoring';

/**
 * The values a new configuration takes for whatever its request leaves out: those of
 * GHOSTLY-TRIAL-DEFAULT (migrations/0004_scoring_configuration.sql), so that a configuration
 * that changes one weight or one target keeps the trial's meaning for everything else.
 */
export const TRIAL_DEFAULT_CONFIG_ID = GHOSTLY_TRIAL_DEFAULT.id;

export const DEFAULT_WEIGHTS = {
  weight_compliance: GHOSTLY_TRIAL_DEFAULT.weights.compliance,
  weight_symmetry: GHOSTLY_TRIAL_DEFAULT.weights.symmetry,
  weight_effort: GHOSTLY_TRIAL_DEFAULT.weights.effort,
  weight_game: GHOSTLY_TRIAL_DEFAULT.weights.game,
  weight_completion: GHOSTLY_TRIAL_DEFAULT.weights.completion,
  weight_intensity: GHOSTLY_TRIAL_DEFAULT.weights.intensity,
  weight_duration: GHOSTLY_TRIAL_DEFAULT.weights.duration,
} as const;

export type WeightColumn = keyof typeof DEFAULT_WEIGHTS;
export type WeightColumns = Record<WeightColumn, number>;
/** The seven weight columns, in the order above (main weights, then per-muscle ones). */
export const WEIGHT_COLUMNS = Object.keys(DEFAULT_WEIGHTS) as readonly WeightColumn[];

/** The main weights and the per-muscle sub-weights each sum to 1 (the table's check, same tolerance). */
export const WEIGHT_SUM_TOLERANCE = 0.001;

/** RPE 0..10 -> effort score, the trial's table. */
export const RPE_KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
export const DEFAULT_RPE_SCORES: Readonly<Record<string, number>> = Object.fromEntries(
  RPE_KEYS.map((k) => [k, GHOSTLY_TRIAL_DEFAULT.rpeMapping[Number(k)]!]),
);

/** The table default of scoring_configuration.target_defaults. */
export const DEFAULT_TARGETS = {
  mvc_threshold_percentage: 75,
  target_duration_ch1_ms: 2000,
  target_duration_ch2_ms: 2000,
  target_contractions_ch1: 12,
  target_contractions_ch2: 12,
  bfr_target_lop_percentage_ch1: 50,
  bfr_target_lop_percentage_ch2: 50,
} as const;

export type TargetKey = keyof typeof DEFAULT_TARGETS;
