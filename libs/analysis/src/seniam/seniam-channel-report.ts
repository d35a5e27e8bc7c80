// SeniamChannelAnalysis (@app/emg) -> the shared ChannelAnalyticsReport shape (so scoring,
// storage and every consumer work unchanged) plus the seniam block with the new numbers.
import {
  describe as describeValues,
  type Agreement,
  type DiffStats,
  type SeniamChannelAnalysis,
  type Trend,
} from '@app/emg';
import { statReport } from '../channel-report.js';
import type { ChannelAnalyticsReport } from '../report-types.js';
import type {
  AgreementReport,
  DiffStatsReport,
  SeniamChannelReport,
  TrendReport,
} from './seniam-report-types.js';

const trend = (t: Trend | null): TrendReport | null =>
  t && {
    n: t.n,
    slope: t.slope,
    intercept: t.intercept,
    slope_stderr: t.slopeStderr,
    ci95_low: t.ciLow,
    ci95_high: t.ciHigh,
    initial_value: t.initial,
    slope_pct_per_s: t.slopePct,
    ci95_low_pct_per_s: t.ciLowPct,
    ci95_high_pct_per_s: t.ciHighPct,
  };

const diff = (d: DiffStats | null): DiffStatsReport | null =>
  d && { median_ms: d.median, q25_ms: d.q25, q75_ms: d.q75, iqr_ms: d.iqr, median_abs_ms: d.medianAbs };

function agreementReport(a: Agreement | null): AgreementReport | null {
  if (!a) return null;
  const { onsetDiffMs, offsetDiffMs, ...counts } = a;
  return { ...counts, onset_diff: diff(onsetDiffMs), offset_diff: diff(offsetDiffMs) };
}

function values(xs: Array<number | null>): number[] {
  return xs.filter((v): v is number => v !== null);
}

export function seniamBlock(a: SeniamChannelAnalysis, fs: number): SeniamChannelReport {
  const changes = new Map<number, number>();
  a.contractions
    .filter((c) => c.fiNsm5 !== null)
    .forEach((c, i) => changes.set(c.start, a.fatigue.fiNsm5.changePct[i] ?? Number.NaN));
  // %MVC only against an MVC that is not this session's own estimate (upload or calibration)
  const hasMvc = a.mvc.source !== 'session_estimate';
  const pcts = hasMvc ? a.contractions.map((c) => c.pctMvcMean) : [];
  return {
    band_hz: [a.band.lowHz, a.band.highHz],
    onset_method: a.method,
    onset_threshold: a.onset.threshold,
    rest_window_s: [a.onset.rest.start / fs, a.onset.rest.end / fs],
    onset_methods: a.methods.map((m) => ({
      method: m.method,
      threshold: m.threshold,
      count: m.count,
      agreement: agreementReport(m.agreement),
    })),
    contractions: a.contractions.map((c) => ({
      start_index: c.start,
      end_index: c.end,
      mid_time_s: c.midTimeS,
      duration_ms: c.durationMs,
      rms: c.rms,
      mav: c.mav,
      mnf: c.mnf,
      mdf: c.mdf,
      fi_nsm5: c.fiNsm5,
      fi_nsm5_change_pct:
        changes.has(c.start) && !Number.isNaN(changes.get(c.start)) ? changes.get(c.start)! : null,
      envelope_peak: c.envelopePeak,
      envelope_mean: c.envelopeMean,
      pct_mvc_peak: hasMvc ? c.pctMvcPeak : null,
      pct_mvc_mean: hasMvc ? c.pctMvcMean : null,
    })),
    summary: {
      rms: a.summary.rms,
      mav: a.summary.mav,
      mnf: a.summary.mnf,
      mdf: a.summary.mdf,
      fi_nsm5: a.summary.fiNsm5,
      spectral_contractions: a.summary.spectralCount,
      envelope_peak: a.summary.envelopePeak,
      envelope_mean: a.summary.envelopeMean,
      pct_mvc_mean: pcts.length ? pcts.reduce((s, v) => s + v, 0) / pcts.length : null,
    },
    fatigue: {
      n: a.fatigue.n,
      mdf_trend: trend(a.fatigue.mdf),
      mnf_trend: trend(a.fatigue.mnf),
      fi_nsm5_baseline: a.fatigue.fiNsm5.baseline,
      fi_nsm5_baseline_contractions: a.fatigue.fiNsm5.baselineCount,
      fi_nsm5_final_change_pct: a.fatigue.fiNsm5.finalChangePct,
      fi_nsm5_change_trend: trend(a.fatigue.fiNsm5.trend),
    },
    mains: a.mains && {
      bin_hz: a.mains.binHz,
      fraction: a.mains.fraction,
      fundamentals: a.mains.fundamentals.map((f) => ({
        fundamental_hz: f.fundamentalHz,
        fraction: f.fraction,
        lines: f.lines.map((l) => ({ hz: l.hz, ratio_db: l.ratioDb })),
      })),
    },
    quality: { passed: a.gate.passed, reasons: a.gate.reasons, measures: a.gate.measures },
    mvc: {
      value: a.mvc.value,
      source: a.mvc.source,
      threshold_percentage: a.mvc.thresholdPercentage,
      threshold: a.mvc.threshold,
    },
  };
}

export function seniamChannelReport(
  a: SeniamChannelAnalysis,
  fs: number,
  samples: number,
  expected: number | null,
  mvcMethod: ChannelAnalyticsReport['mvc_estimation_method'],
): ChannelAnalyticsReport {
  const cs = a.contractions;
  const n = cs.length;
  const d = cs.map((c) => c.durationMs);
  const good = cs.filter((c) => c.isGood).length;
  const col = (k: 'rms' | 'mav' | 'mnf' | 'mdf' | 'fiNsm5') => {
    const v = values(cs.map((c) => c[k]));
    return statReport(describeValues(v, v.length, 3));
  };
  return {
    contraction_count: n,
    good_contraction_count: good,
    mvc_compliant_count: cs.filter((c) => c.meetsMvc).length,
    duration_compliant_count: cs.filter((c) => c.meetsDuration).length,
    avg_duration_ms: n ? d.reduce((s, v) => s + v, 0) / n : 0,
    min_duration_ms: n ? Math.min(...d) : 0,
    max_duration_ms: n ? Math.max(...d) : 0,
    total_time_under_tension_ms: d.reduce((s, v) => s + v, 0),
    avg_amplitude: a.summary.envelopeMean ?? 0,
    max_amplitude: a.summary.envelopePeak ?? 0,
    rms: a.summary.rms ?? 0,
    mav: a.summary.mav ?? 0,
    mpf: a.summary.mnf,
    mdf: a.summary.mdf,
    fatigue_index_fi_nsm5: a.summary.fiNsm5,
    mvc75_threshold: a.mvc.threshold,
    duration_threshold_actual_value: a.durationThresholdMs,
    compliance_rate: n ? good / n : 0,
    mvc_value: a.mvc.value,
    mvc_threshold_percentage: a.mvc.thresholdPercentage,
    mvc_estimation_method: mvcMethod,
    mvc_source: a.mvc.source,
    expected_contractions: expected,
    timing_source: 'envelope',
    threshold_factor_used: 0,
    detection_threshold: a.onset.threshold,
    sampling_rate: fs,
    samples,
    contractions: cs.map((c) => ({
      start_index: c.start,
      end_index: c.end,
      start_time_ms: (c.start / fs) * 1000,
      end_time_ms: (c.end / fs) * 1000,
      duration_ms: c.durationMs,
      mean_amplitude: c.envelopeMean,
      max_amplitude: c.envelopePeak,
      meets_mvc: c.meetsMvc,
      meets_duration: c.meetsDuration,
      is_good: c.isGood,
    })),
    rms_temporal_stats: col('rms'),
    mav_temporal_stats: col('mav'),
    mpf_temporal_stats: col('mnf'),
    mdf_temporal_stats: col('mdf'),
    fatigue_index_temporal_stats: col('fiNsm5'),
    errors: {},
    seniam: seniamBlock(a, fs),
  };
}
