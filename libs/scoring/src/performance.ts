// Performance scores of one session with the original's result names.
// Fixes relative to the original (see README section "Scoring fixes"):
//  - per-muscle expected contractions are honoured (default: the configuration's 12);
//  - one RPE table, carried by the configuration;
//  - a missing RPE uses the configured default RPE for the reported effort_score AND the
//    overall (rpe_source "default", has_rpe false), so the two agree;
//  - a missing game score is reported as null, not 0;
//  - the configuration's main weights are used (the original silently used code defaults).
import { bfrGate, effortScore, gameScore, overallScore, symmetryScore } from './components.js';
import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig, type ScoringWeights } from './config.js';
import { muscleCompliance, type MuscleCounts } from './muscle-compliance.js';

export interface SubjectiveInputs {
  rpePostSession?: number | null;
  bfrPressureAop?: number | null;
  gamePointsAchieved?: number | null;
  gamePointsMax?: number | null;
}

export interface SessionScoreInput extends SubjectiveInputs {
  left: MuscleCounts;
  right: MuscleCounts;
}

export interface WeightsReport {
  weight_compliance: number;
  weight_symmetry: number;
  weight_effort: number;
  weight_game: number;
  weight_completion: number;
  weight_intensity: number;
  weight_duration: number;
}

export interface PerformanceScores {
  scoring_config_id: string;
  scoring_config_name: string;
  overall_score: number | null;
  compliance_score: number;
  symmetry_score: number;
  effort_score: number;
  game_score: number | null;
  left_muscle_compliance: number;
  right_muscle_compliance: number;
  completion_rate_left: number;
  completion_rate_right: number;
  intensity_rate_left: number;
  intensity_rate_right: number;
  duration_rate_left: number;
  duration_rate_right: number;
  expected_contractions_left: number;
  expected_contractions_right: number;
  bfr_compliant: boolean;
  bfr_pressure_aop: number | null;
  rpe_post_session: number | null;
  /** RPE actually scored (the given one, or the configured default). */
  rpe_value: number;
  rpe_source: 'provided' | 'default';
  compliance_components: {
    left_muscle_compliance: number;
    right_muscle_compliance: number;
    overall_compliance: number;
    bfr_gate: 0 | 1;
  };
  weights: WeightsReport;
  data_completeness: {
    has_emg_data: boolean;
    has_rpe: boolean;
    has_game_data: boolean;
    has_bfr_data: boolean;
    rpe_source: 'provided' | 'default';
  };
}

export function weightsReport(w: ScoringWeights): WeightsReport {
  return {
    weight_compliance: w.compliance,
    weight_symmetry: w.symmetry,
    weight_effort: w.effort,
    weight_game: w.game,
    weight_completion: w.completion,
    weight_intensity: w.intensity,
    weight_duration: w.duration,
  };
}

const given = (v: number | null | undefined): v is number => v !== null && v !== undefined;

export function calculatePerformanceScores(
  input: SessionScoreInput,
  config: ScoringConfig = GHOSTLY_TRIAL_DEFAULT,
): PerformanceScores {
  const w = config.weights;
  const left = muscleCompliance(input.left, w, config.expectedContractionsPerMuscle);
  const right = muscleCompliance(input.right, w, config.expectedContractionsPerMuscle);
  const gate = bfrGate(input.bfrPressureAop, config.bfrGate);
  const compliance = ((left.score + right.score) / 2) * gate;
  const symmetry = symmetryScore(left.score, right.score);
  const hasRpe = given(input.rpePostSession);
  const rpe = hasRpe ? input.rpePostSession! : config.defaultRpe;
  const effort = effortScore(rpe, config);
  const game = gameScore(input.gamePointsAchieved, input.gamePointsMax);
  const overall = overallScore({
    compliance: { score: compliance, weight: w.compliance },
    symmetry: { score: symmetry, weight: w.symmetry },
    effort: { score: effort, weight: w.effort },
    game: { score: game, weight: w.game },
  });
  const rpeSource = hasRpe ? 'provided' : 'default';
  return {
    scoring_config_id: config.id,
    scoring_config_name: config.name,
    overall_score: overall,
    compliance_score: compliance,
    symmetry_score: symmetry,
    effort_score: effort,
    game_score: game,
    left_muscle_compliance: left.score,
    right_muscle_compliance: right.score,
    completion_rate_left: left.completionRate,
    completion_rate_right: right.completionRate,
    intensity_rate_left: left.intensityRate,
    intensity_rate_right: right.intensityRate,
    duration_rate_left: left.durationRate,
    duration_rate_right: right.durationRate,
    expected_contractions_left: left.expectedContractions,
    expected_contractions_right: right.expectedContractions,
    bfr_compliant: gate === 1,
    bfr_pressure_aop: input.bfrPressureAop ?? null,
    rpe_post_session: hasRpe ? input.rpePostSession! : null,
    rpe_value: rpe,
    rpe_source: rpeSource,
    compliance_components: {
      left_muscle_compliance: left.score,
      right_muscle_compliance: right.score,
      overall_compliance: compliance,
      bfr_gate: gate,
    },
    weights: weightsReport(w),
    data_completeness: {
      has_emg_data: input.left.totalContractions + input.right.totalContractions > 0,
      has_rpe: hasRpe,
      has_game_data: game !== null,
      has_bfr_data: given(input.bfrPressureAop),
      rpe_source: rpeSource,
    },
  };
}
