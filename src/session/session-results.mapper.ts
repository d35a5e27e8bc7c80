/**
 * AnalysisReport -> the rows of emg_statistics, contractions, session_settings, bfr_monitoring
 * and performance_scores for one session. Pure; the repository writes them.
 */
import { sessionSettings } from '@app/analysis';
import type {
  AnalysisReport,
  ChannelAnalyticsReport,
  ContractionReport,
  PerformanceAnalysis,
} from '@app/analysis';
import type { Insertable } from 'kysely';
import type {
  BfrMonitoringTable,
  ContractionsTable,
  EmgStatisticsTable,
  PerformanceScoresTable,
  SessionSettingsTable,
} from '../infrastructure/database/database.types.js';
import { pick } from '../shared/objects/pick.js';
import { COMPUTED_SCORE_FIELDS } from './performance-score-fields.js';
import type { SubjectiveData } from '../infrastructure/database/database.types.js';

/** The fields a stored contraction has under the report's own names. */
const CONTRACTION_FIELDS = [
  'start_time_ms',
  'end_time_ms',
  'duration_ms',
  'mean_amplitude',
  'max_amplitude',
  'meets_mvc',
  'meets_duration',
  'is_good',
] as const satisfies readonly (keyof ContractionReport & keyof ContractionsTable)[];

/** The scores stored as the scoring computed them, with the scoring configuration used. */
const SCORE_FIELDS = [
  'scoring_config_id',
  ...COMPUTED_SCORE_FIELDS,
] as const satisfies readonly (keyof PerformanceAnalysis & keyof PerformanceScoresTable)[];

export interface SessionResultRows {
  statistics: Insertable<EmgStatisticsTable>[];
  contractions: Insertable<ContractionsTable>[];
  settings: Insertable<SessionSettingsTable>;
  bfr: Insertable<BfrMonitoringTable>[];
  scores: Insertable<PerformanceScoresTable>;
}

const positiveOrNull = (v: number | null | undefined): number | null =>
  v !== null && v !== undefined && Number.isFinite(v) && v > 0 ? v : null;
const nonNegativeOrNull = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
const finiteOrNull = (v: number | null | undefined): number | null =>
  v !== null && v !== undefined && Number.isFinite(v) ? v : null;
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function statisticsRow(
  sessionId: string,
  name: string,
  a: ChannelAnalyticsReport,
  report: AnalysisReport,
): Insertable<EmgStatisticsTable> {
  const { contractions, ...analytics } = a;
  return {
    session_id: sessionId,
    channel_name: name,
    sampling_rate_hz: positiveOrNull(a.sampling_rate),
    duration_seconds: a.sampling_rate > 0 ? a.samples / a.sampling_rate : null,
    mvc_value: positiveOrNull(a.mvc_value),
    mvc_threshold_percentage:
      a.mvc_threshold_percentage > 0 && a.mvc_threshold_percentage <= 100 ? a.mvc_threshold_percentage : null,
    mvc75_threshold: positiveOrNull(a.mvc75_threshold),
    mvc_source: a.mvc_estimation_method,
    duration_threshold_ms: positiveOrNull(a.duration_threshold_actual_value),
    total_contractions: a.contraction_count,
    good_contractions: a.good_contraction_count,
    mvc_compliant_contractions: a.mvc_compliant_count,
    duration_compliant_contractions: a.duration_compliant_count,
    compliance_rate: finiteOrNull(a.compliance_rate),
    peak_amplitude_max: finiteOrNull(a.max_amplitude),
    peak_amplitude_mean: mean(contractions.map((c) => c.max_amplitude)),
    mean_amplitude_mean: mean(contractions.map((c) => c.mean_amplitude)),
    mean_contraction_duration_ms: finiteOrNull(a.avg_duration_ms),
    max_contraction_duration_ms: finiteOrNull(a.max_duration_ms),
    total_time_under_tension_ms: finiteOrNull(a.total_time_under_tension_ms),
    rms: finiteOrNull(a.rms),
    mav: finiteOrNull(a.mav),
    mpf: finiteOrNull(a.mpf),
    mdf: finiteOrNull(a.mdf),
    fatigue_index: finiteOrNull(a.fatigue_index_fi_nsm5),
    signal_quality_score: null,
    temporal_stats: JSON.stringify({
      rms: a.rms_temporal_stats,
      mav: a.mav_temporal_stats,
      mpf: a.mpf_temporal_stats,
      mdf: a.mdf_temporal_stats,
      fatigue_index: a.fatigue_index_temporal_stats,
    }),
    analytics: JSON.stringify(analytics),
    processing_profile: `${report.processing_profile.name}@${report.processing_profile.version}`,
    processing_parameters: JSON.stringify(report.processing_options_used),
  };
}

export function toSessionResultRows(
  sessionId: string,
  report: AnalysisReport,
  subjective: SubjectiveData,
): SessionResultRows {
  const channels = Object.keys(report.analytics).sort();
  const statistics = channels.map((name) => statisticsRow(sessionId, name, report.analytics[name]!, report));
  const contractions = channels.flatMap((name) =>
    report.analytics[name]!.contractions.map((c, idx): Insertable<ContractionsTable> => ({
      session_id: sessionId,
      channel_name: name,
      idx,
      start_sample: c.start_index,
      end_sample: c.end_index,
      ...pick(c, CONTRACTION_FIELDS),
    })),
  );
  const settings = settingsRow(sessionId, report);
  return {
    statistics,
    contractions,
    settings,
    ...scoreRows(sessionId, report.performance_analysis, subjective),
  };
}

/**
 * session_settings: the settings the analysis ran with (the /upload answer's session_parameters),
 * CH1 being the first sorted channel and CH2 the second. Expected contractions are the channel's,
 * else the scoring's (its configured default when the session gave none).
 *
 * A 0 % threshold and 0 expected contractions are stored as such (the analysis accepts both); a
 * duration threshold is always positive here (a duration not given takes the profile's default).
 */
export function settingsRow(sessionId: string, report: AnalysisReport): Insertable<SessionSettingsTable> {
  const used = sessionSettings(report);
  const [ch1, ch2] = Object.keys(report.analytics)
    .sort()
    .map((k) => report.analytics[k]);
  const pa = report.performance_analysis;
  const pct = used.mvc_threshold_percentage;
  return {
    session_id: sessionId,
    mvc_threshold_percentage: pct >= 0 && pct <= 100 ? pct : 75,
    target_mvc75_ch1: nonNegativeOrNull(ch1?.mvc75_threshold),
    target_mvc75_ch2: nonNegativeOrNull(ch2?.mvc75_threshold),
    target_duration_ch1_ms: positiveOrNull(used.target_duration_ch1_ms) ?? 2000,
    target_duration_ch2_ms: positiveOrNull(used.target_duration_ch2_ms) ?? 2000,
    target_contractions_ch1:
      nonNegativeOrNull(ch1?.expected_contractions ?? pa.expected_contractions_left) ?? 12,
    target_contractions_ch2:
      nonNegativeOrNull(ch2?.expected_contractions ?? pa.expected_contractions_right) ?? 12,
    bfr_enabled: true,
  };
}

/** performance_scores and bfr_monitoring rows from a scoring result (also used by rescoring). */
export function scoreRows(
  sessionId: string,
  pa: PerformanceAnalysis,
  subjective: SubjectiveData,
): Pick<SessionResultRows, 'scores' | 'bfr'> {
  // BFR is recorded only when the therapist entered a pressure; the original wrote placeholder
  // "sensor" values (50 % AOP) for every session.
  const aop = subjective.bfr_pressure_aop;
  const bfr: Insertable<BfrMonitoringTable>[] =
    aop === null || aop === undefined
      ? []
      : (['CH1', 'CH2'] as const).map((channel_name) => ({
          session_id: sessionId,
          channel_name,
          actual_pressure_aop: aop,
          target_pressure_aop: 50,
          safety_compliant: pa.bfr_compliant,
          measurement_method: 'manual' as const,
          compliance_validation_method: 'user_input' as const,
        }));
  const scores: Insertable<PerformanceScoresTable> = {
    session_id: sessionId,
    ...pick(pa, SCORE_FIELDS),
    rpe_post_session: subjective.rpe_post_session ?? null,
    game_points_achieved: subjective.game_points_achieved ?? null,
    game_points_max: subjective.game_points_max ?? null,
    weights_used: JSON.stringify({ ...pa.weights, rpe_value: pa.rpe_value, rpe_source: pa.rpe_source }),
  };
  return { scores, bfr };
}
