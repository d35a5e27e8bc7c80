// camelCase ChannelAnalysis (@app/emg) -> the original's snake_case analytics object.
import type { ChannelAnalysis, TemporalStat } from '@app/emg';
import type { ChannelAnalyticsReport, TemporalStatsReport } from './report-types.js';

/** A temporal statistic under the original's names. */
export function statReport(s: TemporalStat): TemporalStatsReport {
  return {
    mean_value: s.mean,
    std_value: s.std,
    min_value: s.min,
    max_value: s.max,
    valid_windows: s.validWindows,
    coefficient_of_variation: s.cv,
  };
}

export function channelReport(
  a: ChannelAnalysis,
  fs: number,
  samples: number,
  expected: number | null,
): ChannelAnalyticsReport {
  return {
    contraction_count: a.contractionCount,
    good_contraction_count: a.goodContractionCount,
    mvc_compliant_count: a.mvcCompliantCount,
    duration_compliant_count: a.durationCompliantCount,
    avg_duration_ms: a.avgDurationMs,
    min_duration_ms: a.minDurationMs,
    max_duration_ms: a.maxDurationMs,
    total_time_under_tension_ms: a.totalTimeUnderTensionMs,
    avg_amplitude: a.avgAmplitude,
    max_amplitude: a.maxAmplitude,
    rms: a.metrics.rms,
    mav: a.metrics.mav,
    mpf: a.metrics.mpf,
    mdf: a.metrics.mdf,
    fatigue_index_fi_nsm5: a.metrics.fatigueIndexFiNsm5,
    mvc75_threshold: a.mvc.threshold,
    duration_threshold_actual_value: a.durationThresholdMs,
    compliance_rate: a.complianceRate,
    mvc_value: a.mvc.mvcValue,
    mvc_threshold_percentage: a.mvc.thresholdPercentage,
    mvc_estimation_method: a.mvc.method,
    expected_contractions: expected,
    timing_source: a.timingSource,
    threshold_factor_used: a.thresholdFactorUsed,
    detection_threshold: a.detectionThreshold,
    sampling_rate: fs,
    samples,
    contractions: a.contractions.map((c) => ({
      start_index: c.startIndex,
      end_index: c.endIndex,
      start_time_ms: c.startTimeMs,
      end_time_ms: c.endTimeMs,
      duration_ms: c.durationMs,
      mean_amplitude: c.meanAmplitude,
      max_amplitude: c.maxAmplitude,
      meets_mvc: c.meetsMvc,
      meets_duration: c.meetsDuration,
      is_good: c.isGood,
    })),
    rms_temporal_stats: statReport(a.temporal.rms),
    mav_temporal_stats: statReport(a.temporal.mav),
    mpf_temporal_stats: statReport(a.temporal.mpf),
    mdf_temporal_stats: statReport(a.temporal.mdf),
    fatigue_index_temporal_stats: statReport(a.temporal.fatigueIndex),
    errors: {},
  };
}
