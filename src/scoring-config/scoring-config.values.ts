/**
 * The stored values of a new configuration from its request: the trial default fills every
 * weight, RPE score and target left out, and the weight sums are checked before the insert.
 */
import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig, type ScoringWeights } from '@app/scoring';
import { UnprocessableError } from '../shared/errors/app-error.js';
import { pick } from '../shared/objects/pick.js';
import type { CreateScoringConfigDto, TargetDefaultsDto } from './dto/scoring-config-request.dto.js';
import {
  DEFAULT_RPE_SCORES,
  DEFAULT_TARGETS,
  DEFAULT_WEIGHTS,
  type TargetKey,
  WEIGHT_COLUMNS,
  WEIGHT_SUM_TOLERANCE,
  type WeightColumn,
  type WeightColumns,
} from './scoring-config.defaults.js';

/** The stored shape of rpe_mapping. */
export type StoredRpeMapping = Record<string, { score: number }>;

/** The weight columns given, the trial default's value for each one left out or null. */
export function resolveWeights(dto: Partial<Record<WeightColumn, number | null>>): WeightColumns {
  return Object.fromEntries(
    WEIGHT_COLUMNS.map((column) => [column, dto[column] ?? DEFAULT_WEIGHTS[column]]),
  ) as WeightColumns;
}

/** Only the weight columns of a row (or of anything that has them). */
export function pickWeights(row: WeightColumns): WeightColumns {
  return pick(row, WEIGHT_COLUMNS);
}

/** Throws 422 scoring_weights_invalid unless both groups sum to 1 (the table's own check). */
export function assertWeightSums(w: WeightColumns): void {
  // Same expressions, in the same order, as the table's check constraints.
  const main = w.weight_compliance + w.weight_symmetry + w.weight_effort + w.weight_game;
  const sub = w.weight_completion + w.weight_intensity + w.weight_duration;
  const mainOk = Math.abs(main - 1) <= WEIGHT_SUM_TOLERANCE;
  const subOk = Math.abs(sub - 1) <= WEIGHT_SUM_TOLERANCE;
  if (mainOk && subOk) return;
  const problems = [
    ...(mainOk ? [] : [`weight_compliance + weight_symmetry + weight_effort + weight_game = ${main}`]),
    ...(subOk ? [] : [`weight_completion + weight_intensity + weight_duration = ${sub}`]),
  ];
  throw new UnprocessableError('scoring_weights_invalid', `Weights must sum to 1: ${problems.join('; ')}`, {
    main_weights_sum: main,
    sub_weights_sum: sub,
    tolerance: WEIGHT_SUM_TOLERANCE,
  });
}

export function resolveRpeMapping(flat: Record<string, number> | undefined): StoredRpeMapping {
  const scores = { ...DEFAULT_RPE_SCORES, ...flat };
  return Object.fromEntries(Object.entries(scores).map(([rpe, score]) => [rpe, { score }]));
}

export function resolveTargets(given: TargetDefaultsDto | undefined): Record<TargetKey, number> {
  const targets: Record<TargetKey, number> = { ...DEFAULT_TARGETS };
  for (const key of Object.keys(DEFAULT_TARGETS) as TargetKey[]) {
    const value = given?.[key];
    if (value !== undefined && value !== null) targets[key] = value;
  }
  return targets;
}

/** Weights, RPE table and targets of a create request, defaults applied and sums checked. */
export function configValues(dto: CreateScoringConfigDto) {
  const weights = resolveWeights(dto);
  assertWeightSums(weights);
  return {
    weights,
    rpeMapping: resolveRpeMapping(dto.rpe_mapping),
    targets: resolveTargets(dto.target_defaults),
  };
}

/** The weight columns of a row in the scoring library's names (ScoringWeights). */
export function weightsOf(row: WeightColumns): ScoringWeights {
  return {
    compliance: row.weight_compliance,
    symmetry: row.weight_symmetry,
    effort: row.weight_effort,
    game: row.weight_game,
    completion: row.weight_completion,
    intensity: row.weight_intensity,
    duration: row.weight_duration,
  };
}

/** A stored configuration as the scoring library's config (the trial default fills the rest). */
export function toLibraryConfig(
  row: WeightColumns & {
    id: string;
    configuration_name: string;
    rpe_mapping: StoredRpeMapping | null;
  },
): ScoringConfig {
  const rpe: Record<number, number> = {};
  for (const [k, v] of Object.entries(row.rpe_mapping ?? {})) rpe[Number(k)] = v.score;
  return {
    ...GHOSTLY_TRIAL_DEFAULT,
    id: row.id,
    name: row.configuration_name,
    weights: weightsOf(row),
    rpeMapping: Object.keys(rpe).length > 0 ? rpe : GHOSTLY_TRIAL_DEFAULT.rpeMapping,
  };
}

/**
 * Whether a configuration may score a patient: a global one, or one of the patient's
 * therapist's, therapist-wide or this patient's own.
 */
export function appliesToPatient(
  scope: { is_global: boolean; therapist_id: string | null; patient_id: string | null },
  patient: { id: string; therapist_id: string | null },
): boolean {
  if (scope.is_global) return true;
  return (
    scope.therapist_id !== null &&
    scope.therapist_id === patient.therapist_id &&
    (scope.patient_id === null || scope.patient_id === patient.id)
  );
}
