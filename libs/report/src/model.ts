// What a session report shows, independent of where it came from (a fresh analysis in the CLI,
// or a stored session in the service). Plain data; the renderers only read it.
import type {
  ChannelAnalyticsReport,
  ContractionReport,
  QualityGateReport,
  SessionParams,
} from '@app/analysis';
import type { WeightsReport } from '@app/scoring';

/** The full-resolution signals a channel's plot is drawn from. */
export interface ReportSignal {
  samplingRate: number;
  raw: ArrayLike<number>;
  /** The processed envelope the contractions and the MVC threshold are measured on. */
  envelope: ArrayLike<number> | null;
  /** Physical unit of both arrays (C3D ANALOG:UNITS), e.g. 'V'. */
  unit: string;
}

export interface ReportChannel {
  name: string;
  /** The muscle the channel recorded, when the session's channel-to-muscle mapping names it. */
  muscle?: string | null;
  analytics: ChannelAnalyticsReport;
  signal: ReportSignal | null;
}

/** The scores as stored or as computed; null members are shown as missing, never as 0. */
export interface ReportScores {
  scoring_config_id: string | null;
  scoring_config_name: string | null;
  overall_score: number | null;
  compliance_score: number | null;
  symmetry_score: number | null;
  effort_score: number | null;
  game_score: number | null;
  left_muscle_compliance: number | null;
  right_muscle_compliance: number | null;
  completion_rate_left: number | null;
  completion_rate_right: number | null;
  intensity_rate_left: number | null;
  intensity_rate_right: number | null;
  duration_rate_left: number | null;
  duration_rate_right: number | null;
  expected_contractions_left: number | null;
  expected_contractions_right: number | null;
  bfr_compliant: boolean | null;
  bfr_pressure_aop: number | null;
  rpe_post_session: number | null;
  /** The RPE actually scored (given, or the configuration's default). */
  rpe_value: number | null;
  rpe_source: string | null;
  game_points_achieved: number | null;
  game_points_max: number | null;
  weights: WeightsReport | null;
}

export interface ReportWarning {
  code: string;
  message: string;
}

export interface SessionReportModel {
  session_code: string | null;
  patient_code: string | null;
  file: { name: string; sha256: string | null; size_bytes: number | null };
  /** When the game recorded the session (file metadata), ISO 8601. */
  recorded_at: string | null;
  processed_at: string | null;
  /** Game metadata as shown: the caller removes what the reader may not see (player name). */
  game_metadata: Record<string, unknown>;
  channels: ReportChannel[];
  scores: ReportScores | null;
  profile: { name: string; version: string | null; description: string | null };
  parameters_requested: unknown;
  parameters_used: {
    session: SessionParams | null;
    processing: { threshold_factor: number; min_duration_ms: number; smoothing_window: number } | null;
  };
  warnings: ReportWarning[];
  /** seniam-v1's signal-quality gate, shown before the scores; absent or null without one (ghostly-v1). */
  quality_gate?: QualityGateReport | null;
  generated_at: string;
  service_version: string;
}

export type ContractionClass = 'good' | 'mvc_only' | 'duration_only' | 'neither';

/** Good = counted by the session's rules; otherwise which of the two criteria it met. */
export function contractionClass(c: ContractionReport): ContractionClass {
  if (c.is_good) return 'good';
  if (c.meets_mvc && !c.meets_duration) return 'mvc_only';
  if (c.meets_duration && !c.meets_mvc) return 'duration_only';
  return 'neither';
}

export const CLASS_LABEL: Record<ContractionClass, string> = {
  good: 'Good (counted)',
  mvc_only: 'MVC only',
  duration_only: 'Duration only',
  neither: 'Neither',
};
