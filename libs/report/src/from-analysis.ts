// Builds a SessionReportModel from a fresh analysis (CLI, bench) and collects the warnings a
// reader should see before trusting the numbers.
import type { AnalysisReport, ChannelError, EmgSignalSet, GameMetadata } from '@app/analysis';
import type {
  ReportChannel,
  ReportScores,
  ReportSignal,
  ReportWarning,
  SessionReportModel,
} from './model.js';

/** The raw signal and processed envelope of base channel `name` in a signal set. */
export function channelSignal(set: EmgSignalSet, name: string, unit: string): ReportSignal | null {
  const raw = set.entries.get(`${name} Raw`) ?? set.entries.get(name);
  if (!raw) return null;
  const envelope = set.entries.get(`${name} Processed`)?.data ?? raw.processedData ?? null;
  return { samplingRate: set.samplingRate, raw: raw.data, envelope, unit };
}

/**
 * What may make the numbers partial: the reader's file warnings (e.g. a recording cut off), a
 * game duration longer than the EMG, channels dropped from the analysis and their reason.
 */
export function collectWarnings(
  metadata: Partial<GameMetadata>,
  channelErrors: Record<string, Pick<ChannelError, 'code' | 'message'>>,
): ReportWarning[] {
  const out: ReportWarning[] = [];
  for (const w of metadata.file_warnings ?? []) out.push({ code: w.code, message: w.message });
  const game = metadata.duration;
  const emg = metadata.duration_seconds;
  if (typeof game === 'number' && typeof emg === 'number' && game - emg > 2) {
    out.push({
      code: 'recording_shorter_than_game',
      message: `The game reports ${game} s of play but the EMG lasts ${emg.toFixed(1)} s: the recording may be truncated.`,
    });
  }
  for (const [channel, e] of Object.entries(channelErrors)) {
    out.push({ code: `channel_${e.code}`, message: `${channel} was not analysed: ${e.message}` });
  }
  return out;
}

export function scoresFromAnalysis(report: AnalysisReport): ReportScores {
  const pa = report.performance_analysis;
  return {
    scoring_config_id: pa.scoring_config_id,
    scoring_config_name: pa.scoring_config_name,
    overall_score: pa.overall_score,
    compliance_score: pa.compliance_score,
    symmetry_score: pa.symmetry_score,
    effort_score: pa.effort_score,
    game_score: pa.game_score,
    left_muscle_compliance: pa.left_muscle_compliance,
    right_muscle_compliance: pa.right_muscle_compliance,
    completion_rate_left: pa.completion_rate_left,
    completion_rate_right: pa.completion_rate_right,
    intensity_rate_left: pa.intensity_rate_left,
    intensity_rate_right: pa.intensity_rate_right,
    duration_rate_left: pa.duration_rate_left,
    duration_rate_right: pa.duration_rate_right,
    expected_contractions_left: pa.expected_contractions_left,
    expected_contractions_right: pa.expected_contractions_right,
    bfr_compliant: pa.bfr_compliant,
    bfr_pressure_aop: pa.bfr_pressure_aop,
    rpe_post_session: pa.rpe_post_session,
    rpe_value: pa.rpe_value,
    rpe_source: pa.rpe_source,
    game_points_achieved: null,
    game_points_max: null,
    weights: pa.weights,
  };
}

export interface FromAnalysisOptions {
  file: { name: string; sha256: string | null; size_bytes: number | null };
  /** Physical unit of the EMG channels (C3D ANALOG:UNITS); default V. */
  unit?: string;
  parametersRequested?: unknown;
  sessionCode?: string | null;
  patientCode?: string | null;
  /** Removes the player's name (SUBJECTS:PLAYER_NAME) from the metadata shown. */
  withoutPlayerName?: boolean;
  generatedAt?: Date;
  serviceVersion: string;
}

export function sessionReportFromAnalysis(
  report: AnalysisReport,
  signals: EmgSignalSet,
  o: FromAnalysisOptions,
): SessionReportModel {
  const names = Object.keys(report.analytics).sort();
  const channels: ReportChannel[] = names.map((name) => ({
    name,
    analytics: report.analytics[name]!,
    signal: channelSignal(signals, name, o.unit ?? 'V'),
  }));
  const { session_parameters_used, ...meta } = report.metadata;
  const shown: Record<string, unknown> = { ...meta };
  if (o.withoutPlayerName) delete shown.player_name;
  return {
    session_code: o.sessionCode ?? null,
    patient_code: o.patientCode ?? null,
    file: o.file,
    recorded_at: report.metadata.time ?? null,
    processed_at: null,
    game_metadata: shown,
    channels,
    scores: scoresFromAnalysis(report),
    profile: {
      name: report.processing_profile.name,
      version: report.processing_profile.version,
      description: report.processing_profile.description,
    },
    parameters_requested: o.parametersRequested ?? {},
    parameters_used: { session: session_parameters_used, processing: report.processing_options_used },
    warnings: collectWarnings(report.metadata, report.channel_errors),
    quality_gate: report.quality_gate ?? null,
    generated_at: (o.generatedAt ?? new Date()).toISOString(),
    service_version: o.serviceVersion,
  };
}
