// The parts of the original's POST /upload answer (EMGAnalysisResult) that are
// derived from an AnalysisReport: c3d_parameters, session_parameters, session_configuration,
// processing_parameters, scoring_configuration. The original's errors in them are fixed here:
// `duration` is the real EMG duration, `session_parameters` are the settings actually used (the
// original always echoed its code defaults), and the filter cut-offs are the ones applied.
import type { ProcessingProfile } from '@app/emg';
import type { WeightsReport } from '@app/scoring';
import type { SessionParams } from './params.js';
import type { AnalysisReport } from './report-types.js';

export interface C3dParametersReport {
  sampling_rate: number | null;
  /** Seconds of EMG (samples / analog rate). */
  duration: number;
  frame_count: number | null;
  channel_count: number;
  game_name: string | null;
  level: string | null;
  therapist_id: string | null;
  group_id: string | null;
  player_name: string | null;
  /** The C3D has no player id (the original always sent null). */
  player_id: null;
  time: string | null;
  processing_version: string;
  processed_at: string;
  stateless_mode: boolean;
}

export interface SessionSettingsReport {
  /** MVC value used per muscle, V (given or estimated). */
  mvc_ch1: number | null;
  mvc_ch2: number | null;
  mvc_threshold_percentage: number;
  /** Duration threshold used per muscle, ms (null: none). */
  target_duration_ch1_ms: number | null;
  target_duration_ch2_ms: number | null;
  target_contractions_ch1: number;
  target_contractions_ch2: number;
  bfr_enabled: boolean;
  bfr_pressure_aop: number | null;
}

export interface SessionConfigurationReport {
  session_mvc_threshold_percentage: number;
  session_mvc_threshold_decimal: number;
  contraction_duration_threshold: number;
  contraction_duration_threshold_seconds: number;
  session_mvc_value?: number;
  session_expected_contractions?: number;
  session_expected_contractions_ch1?: number;
  session_expected_contractions_ch2?: number;
}

export interface ProcessingParametersReport {
  sampling_rate_hz: number | null;
  processing_version: string;
  /** High-pass cut-off before rectification, Hz. */
  filter_low_cutoff_hz: number;
  /** Low-pass cut-off of the envelope, Hz (the original reported 500, which was not applied). */
  filter_high_cutoff_hz: number;
  filter_order: number;
  rms_window_ms: number;
  rms_overlap_percent: number;
  /** The original reported 3.0 s; no window is used: MVC is a percentile of the whole envelope. */
  mvc_window_seconds: null;
  mvc_estimation_percentile: number;
  mvc_threshold_percentage: number;
  threshold_factor: number;
  min_duration_ms: number;
  smoothing_window: number;
  activated_threshold_factor: number;
  merge_threshold_ms: number;
  refractory_period_ms: number;
}

/** The scoring's default expected contractions per muscle (original: always 12). */
const DEFAULT_EXPECTED_CONTRACTIONS = 12;

const str = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

export function processingVersion(profile: ProcessingProfile): string {
  return `${profile.name}@${profile.version}`;
}

export function c3dParameters(
  report: AnalysisReport,
  processedAt: Date,
  stateless: boolean,
): C3dParametersReport {
  const m = report.metadata;
  return {
    sampling_rate: m.sampling_rate ?? null,
    duration: m.duration_seconds,
    frame_count: m.frame_count ?? null,
    channel_count: m.channel_count,
    game_name: str(m.game_name),
    level: str(m.level),
    therapist_id: str(m.therapist_id),
    group_id: str(m.group_id),
    player_name: str(m.player_name),
    player_id: null,
    time: str(m.time),
    processing_version: processingVersion(report.processing_profile.parameters),
    processed_at: processedAt.toISOString(),
    stateless_mode: stateless,
  };
}

/** The clinical settings the analysis ran with, per muscle (CH1 left, CH2 right). */
export function sessionSettings(
  report: AnalysisReport,
  bfrPressureAop?: number | null,
): SessionSettingsReport {
  const [ch1, ch2] = Object.keys(report.analytics)
    .sort()
    .map((k) => report.analytics[k]);
  const pct =
    ch1?.mvc_threshold_percentage ??
    report.metadata.session_parameters_used.session_mvc_threshold_percentage ??
    report.processing_profile.parameters.mvc.defaultThresholdPercentage;
  const bfr = bfrPressureAop ?? null;
  return {
    mvc_ch1: ch1?.mvc_value ?? null,
    mvc_ch2: ch2?.mvc_value ?? null,
    mvc_threshold_percentage: pct,
    target_duration_ch1_ms: ch1?.duration_threshold_actual_value ?? null,
    target_duration_ch2_ms: ch2?.duration_threshold_actual_value ?? null,
    target_contractions_ch1: ch1?.expected_contractions ?? DEFAULT_EXPECTED_CONTRACTIONS,
    target_contractions_ch2: ch2?.expected_contractions ?? DEFAULT_EXPECTED_CONTRACTIONS,
    bfr_enabled: bfr !== null,
    bfr_pressure_aop: bfr,
  };
}

/** The original's session_configuration: the request's session parameters with their defaults. */
export function sessionConfiguration(
  sp: SessionParams,
  profile: ProcessingProfile,
): SessionConfigurationReport {
  const pct = sp.session_mvc_threshold_percentage ?? profile.mvc.defaultThresholdPercentage;
  const durationMs = sp.contraction_duration_threshold ?? profile.duration.defaultThresholdMs;
  const out: SessionConfigurationReport = {
    session_mvc_threshold_percentage: pct,
    session_mvc_threshold_decimal: pct / 100,
    contraction_duration_threshold: durationMs,
    contraction_duration_threshold_seconds: durationMs / 1000,
  };
  // as the original: present only when set and non-zero
  if (sp.session_mvc_value) out.session_mvc_value = sp.session_mvc_value;
  if (sp.session_expected_contractions) out.session_expected_contractions = sp.session_expected_contractions;
  if (sp.session_expected_contractions_ch1)
    out.session_expected_contractions_ch1 = sp.session_expected_contractions_ch1;
  if (sp.session_expected_contractions_ch2)
    out.session_expected_contractions_ch2 = sp.session_expected_contractions_ch2;
  return out;
}

export function processingParameters(report: AnalysisReport, sp: SessionParams): ProcessingParametersReport {
  const p = report.processing_profile.parameters;
  const used = report.processing_options_used;
  return {
    sampling_rate_hz: report.metadata.sampling_rate ?? null,
    processing_version: processingVersion(p),
    filter_low_cutoff_hz: p.envelope.highpassHz,
    filter_high_cutoff_hz: p.envelope.lowpassHz,
    filter_order: p.envelope.filterOrder,
    rms_window_ms: p.displayRmsWindowMs,
    rms_overlap_percent: p.temporal.overlapPercent,
    mvc_window_seconds: null,
    mvc_estimation_percentile: p.mvc.estimationPercentile,
    mvc_threshold_percentage: sp.session_mvc_threshold_percentage ?? p.mvc.defaultThresholdPercentage,
    threshold_factor: used.threshold_factor,
    min_duration_ms: used.min_duration_ms,
    smoothing_window: used.smoothing_window,
    activated_threshold_factor: p.detection.activatedThresholdFactor,
    merge_threshold_ms: p.detection.mergeThresholdMs,
    refractory_period_ms: p.detection.refractoryPeriodMs,
  };
}

export interface OriginalResultFields {
  c3d_parameters: C3dParametersReport;
  session_parameters: SessionSettingsReport;
  session_configuration: SessionConfigurationReport;
  processing_parameters: ProcessingParametersReport;
  scoring_configuration: WeightsReport;
}

/** Every original field derived from the report, for one request's session parameters. */
export function originalResultFields(
  report: AnalysisReport,
  sp: SessionParams,
  processedAt: Date,
  stateless = true,
): OriginalResultFields {
  const profile = report.processing_profile.parameters;
  return {
    c3d_parameters: c3dParameters(report, processedAt, stateless),
    session_parameters: sessionSettings(report, report.performance_analysis.bfr_pressure_aop),
    session_configuration: sessionConfiguration(sp, profile),
    processing_parameters: processingParameters(report, sp),
    scoring_configuration: report.performance_analysis.scoring_configuration,
  };
}
