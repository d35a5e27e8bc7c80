/**
 * The performance_scores columns the scoring computes, under the same names in the
 * report's PerformanceAnalysis. The session writer stores them and the exports read them back.
 */
import type { PerformanceAnalysis } from '@app/analysis';
import type { PerformanceScoresTable } from '../infrastructure/database/database.types.js';

export const COMPUTED_SCORE_FIELDS = [
  'overall_score',
  'compliance_score',
  'symmetry_score',
  'effort_score',
  'game_score',
  'left_muscle_compliance',
  'right_muscle_compliance',
  'completion_rate_left',
  'completion_rate_right',
  'intensity_rate_left',
  'intensity_rate_right',
  'duration_rate_left',
  'duration_rate_right',
  'bfr_compliant',
  'bfr_pressure_aop',
] as const satisfies readonly (keyof PerformanceAnalysis & keyof PerformanceScoresTable)[];
