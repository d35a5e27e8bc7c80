/**
 * A stored session (its detail as the caller may see it, plus the signals regenerated from its
 * file) -> the report model of @app/report. Pure; the service loads, this maps.
 */
import type {
  ChannelAnalyticsReport,
  ContractionReport,
  EmgSignalSet,
  GameMetadata,
  SessionParams,
} from '@app/analysis';
import {
  getProcessingProfile,
  UnknownProfileError,
  validateSignalQuality,
  type ProcessingProfile,
} from '@app/emg';
import { channelSignal, collectWarnings, type ReportScores, type SessionReportModel } from '@app/report';
import type { WeightsReport } from '@app/scoring';
import type { ContractionDto, SessionDetailDto } from '../session/dto/session-response.dto.js';
import type { PerformanceScoresDto, SessionTargetsDto } from '../session/dto/session-result-parts.dto.js';

const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function contractionReport(c: ContractionDto): ContractionReport {
  return {
    start_index: c.start_sample,
    end_index: c.end_sample,
    start_time_ms: c.start_time_ms,
    end_time_ms: c.end_time_ms,
    duration_ms: c.duration_ms,
    mean_amplitude: c.mean_amplitude,
    max_amplitude: c.max_amplitude,
    meets_mvc: c.meets_mvc === true,
    meets_duration: c.meets_duration === true,
    is_good: c.is_good,
  };
}

function profileOf(stored: string | null): {
  profile: ProcessingProfile | null;
  name: string;
  version: string | null;
} {
  const [name = 'ghostly-v1', version = null] = (stored ?? 'ghostly-v1').split('@');
  try {
    return { profile: getProcessingProfile(name), name, version };
  } catch (error) {
    // a profile this build no longer has: the report still shows its name
    if (error instanceof UnknownProfileError) return { profile: null, name, version };
    throw error;
  }
}

function scoresOf(d: SessionDetailDto, configName: string | null): ReportScores | null {
  const s = d.performance_scores;
  if (!s) return null;
  const w = (s.weights_used ?? {}) as Partial<WeightsReport> & { rpe_value?: number; rpe_source?: string };
  const settings: Partial<SessionTargetsDto> = d.session_settings ?? {};
  const weights: WeightsReport | null = typeof w.weight_compliance === 'number' ? (w as WeightsReport) : null;
  const n = (k: keyof PerformanceScoresDto) => numOrNull(s[k]);
  return {
    scoring_config_id: typeof s.scoring_config_id === 'string' ? s.scoring_config_id : null,
    scoring_config_name: configName,
    overall_score: n('overall_score'),
    compliance_score: n('compliance_score'),
    symmetry_score: n('symmetry_score'),
    effort_score: n('effort_score'),
    game_score: n('game_score'),
    left_muscle_compliance: n('left_muscle_compliance'),
    right_muscle_compliance: n('right_muscle_compliance'),
    completion_rate_left: n('completion_rate_left'),
    completion_rate_right: n('completion_rate_right'),
    intensity_rate_left: n('intensity_rate_left'),
    intensity_rate_right: n('intensity_rate_right'),
    duration_rate_left: n('duration_rate_left'),
    duration_rate_right: n('duration_rate_right'),
    expected_contractions_left: numOrNull(settings.target_contractions_ch1),
    expected_contractions_right: numOrNull(settings.target_contractions_ch2),
    bfr_compliant: typeof s.bfr_compliant === 'boolean' ? s.bfr_compliant : null,
    bfr_pressure_aop: n('bfr_pressure_aop'),
    rpe_post_session: n('rpe_post_session'),
    rpe_value: numOrNull(w.rpe_value),
    rpe_source: typeof w.rpe_source === 'string' ? w.rpe_source : null,
    game_points_achieved: n('game_points_achieved'),
    game_points_max: n('game_points_max'),
    weights,
  };
}

/** EMG channels in the file that have no stored analytics, with the reason the analysis gives. */
function missingChannels(
  signals: EmgSignalSet | null,
  analysed: Set<string>,
  profile: ProcessingProfile | null,
): Record<string, { code: string; message: string }> {
  const out: Record<string, { code: string; message: string }> = {};
  if (!signals) return out;
  for (const [entry, s] of signals.entries) {
    const base = entry.endsWith(' Raw') ? entry.slice(0, -4) : null;
    if (!base || base.endsWith(' activated') || analysed.has(base)) continue;
    const q = profile ? validateSignalQuality(s.data, signals.samplingRate, profile.quality) : null;
    out[base] =
      q && !q.valid
        ? { code: q.issue ?? 'invalid', message: q.message }
        : { code: 'not_analysed', message: 'no analytics stored for this channel' };
  }
  return out;
}

export interface StoredReportExtras {
  signals: EmgSignalSet | null;
  /** Why the signals are missing (the stored file could not be read). */
  signalProblem: string | null;
  unit: string;
  /** Name of the scoring configuration the scores were computed with, when the caller may see it. */
  scoringConfigName: string | null;
  generatedAt: Date;
  serviceVersion: string;
}

export function sessionReportModel(d: SessionDetailDto, x: StoredReportExtras): SessionReportModel {
  const { profile, name, version } = profileOf(d.processing_profile);
  const byChannel = new Map<string, ContractionReport[]>();
  for (const c of d.contractions) {
    const list = byChannel.get(c.channel_name) ?? [];
    list.push(contractionReport(c));
    byChannel.set(c.channel_name, list);
  }
  const channels = [...d.channels]
    .sort((a, b) => a.channel_name.localeCompare(b.channel_name))
    .map((c) => ({
      name: c.channel_name,
      muscle: d.channel_muscle_mapping?.[c.channel_name] ?? null,
      analytics: {
        ...(c.analytics as unknown as ChannelAnalyticsReport),
        contractions: byChannel.get(c.channel_name) ?? [],
      },
      signal: x.signals ? channelSignal(x.signals, c.channel_name, x.unit) : null,
    }));
  const meta = d.game_metadata as Partial<GameMetadata> & { session_parameters_used?: SessionParams };
  const { session_parameters_used: used, ...shown } = meta;
  const requested = (d.processing_parameters ?? {}) as {
    processing_options?: Record<string, number | undefined>;
  };
  const po = requested.processing_options ?? {};
  const detection = profile?.detection;
  const warnings = collectWarnings(
    meta,
    missingChannels(x.signals, new Set(channels.map((c) => c.name)), profile),
  );
  if (x.signalProblem) warnings.push({ code: 'signals_unavailable', message: x.signalProblem });
  return {
    session_code: d.session_code,
    patient_code: d.patient_code,
    file: {
      name: d.file_path.split('/').pop() ?? d.file_path,
      sha256: d.file_hash,
      size_bytes: d.file_size_bytes,
    },
    recorded_at: typeof meta.time === 'string' ? meta.time : d.session_date,
    processed_at: d.processed_at,
    game_metadata: shown,
    channels,
    scores: scoresOf(d, x.scoringConfigName),
    profile: { name, version, description: profile?.description ?? null },
    parameters_requested: d.processing_parameters,
    parameters_used: {
      session: used ?? null,
      processing: detection
        ? {
            threshold_factor: po.threshold_factor ?? detection.thresholdFactor,
            min_duration_ms: po.min_duration_ms ?? detection.minDurationMs,
            smoothing_window: po.smoothing_window ?? detection.smoothingWindowSamples,
          }
        : null,
    },
    warnings,
    // the gate as the session detail reads it from the stored analytics
    quality_gate: d.quality_gate,
    generated_at: x.generatedAt.toISOString(),
    service_version: x.serviceVersion,
  };
}
