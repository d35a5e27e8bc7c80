// Per-channel analytics -> performance scores (original convert_emg_analytics_to_clinical_session_metrics
// + calculate_performance_scores).
import {
  calculatePerformanceScores,
  weightsReport,
  type ScoringConfig,
  type SubjectiveInputs,
} from '@app/scoring';
import type { ChannelAnalyticsReport, PerformanceAnalysis } from './report-types.js';

/** Left = first sorted base channel (CH1), right = second (CH2); a missing side scores as zero counts. */
export function scoreAnalytics(
  analytics: Record<string, ChannelAnalyticsReport>,
  order: string[],
  subjective: SubjectiveInputs,
  config: ScoringConfig,
): PerformanceAnalysis {
  const side = (name: string | undefined) => {
    const a = name ? analytics[name] : undefined;
    return {
      totalContractions: a?.contraction_count ?? 0,
      mvcContractions: a?.mvc_compliant_count ?? 0,
      durationContractions: a?.duration_compliant_count ?? 0,
      expectedContractions: a?.expected_contractions ?? null,
    };
  };
  const scores = calculatePerformanceScores(
    { left: side(order[0]), right: side(order[1]), ...subjective },
    config,
  );
  return { ...scores, scoring_configuration: weightsReport(config.weights) };
}
