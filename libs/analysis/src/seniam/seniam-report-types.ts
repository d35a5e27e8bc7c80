// Report blocks added by the seniam-v1 profile (snake_case like the rest of the report).
import type { Agreement, GateReason, GateMeasures, OnsetMethod } from '@app/emg';

export type MvcSourceReport = 'upload' | 'calibration' | 'session_estimate';

export interface TrendReport {
  n: number;
  slope: number;
  intercept: number;
  slope_stderr: number;
  ci95_low: number;
  ci95_high: number;
  initial_value: number;
  slope_pct_per_s: number | null;
  ci95_low_pct_per_s: number | null;
  ci95_high_pct_per_s: number | null;
}

export interface DiffStatsReport {
  median_ms: number;
  q25_ms: number;
  q75_ms: number;
  iqr_ms: number;
  median_abs_ms: number;
}

/** An Agreement (@app/emg): its counts and scores as they are, its differences in snake_case. */
export interface AgreementReport extends Omit<Agreement, 'onsetDiffMs' | 'offsetDiffMs'> {
  onset_diff: DiffStatsReport | null;
  offset_diff: DiffStatsReport | null;
}

export interface SeniamContractionReport {
  start_index: number;
  end_index: number;
  mid_time_s: number;
  duration_ms: number;
  rms: number;
  mav: number;
  mnf: number | null;
  mdf: number | null;
  fi_nsm5: number | null;
  fi_nsm5_change_pct: number | null;
  envelope_peak: number;
  envelope_mean: number;
  /** 100 x envelope peak / MVC; null when the MVC is the session's own estimate. */
  pct_mvc_peak: number | null;
  pct_mvc_mean: number | null;
}

export interface SeniamChannelReport {
  band_hz: [number, number];
  onset_method: OnsetMethod;
  onset_threshold: number;
  rest_window_s: [number, number];
  /** Every method's count and agreement with the activated channel (which only serves that). */
  onset_methods: Array<{
    method: OnsetMethod;
    threshold: number;
    count: number;
    agreement: AgreementReport | null;
  }>;
  contractions: SeniamContractionReport[];
  /** During contractions only: pooled RMS/MAV, means of per-contraction MNF/MDF/FInsm5. */
  summary: {
    rms: number | null;
    mav: number | null;
    mnf: number | null;
    mdf: number | null;
    fi_nsm5: number | null;
    spectral_contractions: number;
    envelope_peak: number | null;
    envelope_mean: number | null;
    pct_mvc_mean: number | null;
  };
  fatigue: {
    n: number;
    mdf_trend: TrendReport | null;
    mnf_trend: TrendReport | null;
    fi_nsm5_baseline: number | null;
    fi_nsm5_baseline_contractions: number;
    fi_nsm5_final_change_pct: number | null;
    fi_nsm5_change_trend: TrendReport | null;
  };
  mains: {
    bin_hz: number;
    fraction: number;
    fundamentals: Array<{
      fundamental_hz: number;
      fraction: number;
      lines: Array<{ hz: number; ratio_db: number | null }>;
    }>;
  } | null;
  quality: { passed: boolean; reasons: GateReason[]; measures: GateMeasures };
  mvc: { value: number; source: MvcSourceReport; threshold_percentage: number; threshold: number };
}

/** At the top of a report scored on a channel that fails the quality gate. */
export interface QualityGateReport {
  passed: boolean;
  failing_channels: string[];
  message: string | null;
  channels: Record<string, { passed: boolean; reasons: string[] }>;
}
