// AnalysisReport: the plain-JSON result of analyzeC3d, shaped like the original's POST /upload
// response without signal arrays, snake_case as the original. Fields
// beyond the original's keep their names and meaning once published.
import type { PerformanceScores, WeightsReport } from '@app/scoring';
import type { ProcessingProfile } from '@app/emg';
import type { GameMetadata } from './metadata.js';
import type { SessionParams } from './params.js';
import type {
  MvcSourceReport,
  QualityGateReport,
  SeniamChannelReport,
} from './seniam/seniam-report-types.js';

export interface TemporalStatsReport {
  mean_value: number | null;
  std_value: number | null;
  min_value: number | null;
  max_value: number | null;
  valid_windows: number;
  coefficient_of_variation: number | null;
}

export interface ContractionReport {
  start_index: number;
  end_index: number;
  start_time_ms: number;
  end_time_ms: number;
  duration_ms: number;
  mean_amplitude: number;
  max_amplitude: number;
  meets_mvc: boolean;
  meets_duration: boolean;
  is_good: boolean;
}

export interface ChannelAnalyticsReport {
  contraction_count: number;
  good_contraction_count: number;
  mvc_compliant_count: number;
  duration_compliant_count: number;
  avg_duration_ms: number;
  min_duration_ms: number;
  max_duration_ms: number;
  total_time_under_tension_ms: number;
  avg_amplitude: number;
  max_amplitude: number;
  rms: number;
  mav: number;
  mpf: number | null;
  mdf: number | null;
  fatigue_index_fi_nsm5: number | null;
  mvc75_threshold: number;
  duration_threshold_actual_value: number | null;
  /** good / count, fraction. */
  compliance_rate: number;
  mvc_value: number;
  mvc_threshold_percentage: number;
  mvc_estimation_method: 'user_provided' | 'global_provided' | 'backend_estimation';
  expected_contractions: number | null;
  timing_source: 'activated' | 'envelope';
  threshold_factor_used: number;
  detection_threshold: number | null;
  sampling_rate: number;
  samples: number;
  contractions: ContractionReport[];
  rms_temporal_stats: TemporalStatsReport;
  mav_temporal_stats: TemporalStatsReport;
  mpf_temporal_stats: TemporalStatsReport;
  mdf_temporal_stats: TemporalStatsReport;
  fatigue_index_temporal_stats: TemporalStatsReport;
  errors: Record<string, string>;
  /** Where the MVC came from; present with seniam-v1, and with ghostly-v1 when a calibration was used. */
  mvc_source?: MvcSourceReport;
  /** seniam-v1 only: band-passed per-contraction metrics, fatigue trends, onsets, quality. */
  seniam?: SeniamChannelReport;
}

export interface ChannelError {
  stage: 'signal_processing' | 'analysis';
  code: string;
  message: string;
}

export interface ProcessingProfileReport {
  name: string;
  version: string;
  description: string;
  parameters: ProcessingProfile;
}

export interface PerformanceAnalysis extends PerformanceScores {
  scoring_configuration: WeightsReport;
}

export interface AnalysisReport {
  /** seniam-v1: first key of the report; says when a scored channel fails the quality gate. */
  quality_gate?: QualityGateReport;
  metadata: GameMetadata & { session_parameters_used: SessionParams };
  analytics: Record<string, ChannelAnalyticsReport>;
  available_channels: string[];
  /** Channels dropped from analytics, with the reason (the original dropped them silently). */
  channel_errors: Record<string, ChannelError>;
  performance_analysis: PerformanceAnalysis;
  processing_profile: ProcessingProfileReport;
  processing_options_used: { threshold_factor: number; min_duration_ms: number; smoothing_window: number };
}
