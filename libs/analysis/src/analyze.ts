// The single analysis entry of the service and the CLI. ghostly-v1 reads top to bottom in
// analyzeC3d: select the EMG channels, validate each, compute the envelopes of the valid ones,
// analyse each channel, score the session, assemble the AnalysisReport. seniam-v1 has its own
// pipeline (seniam/analyze-seniam.ts).
import type { C3dFile } from '@app/c3d';
import {
  computeEnvelopes,
  createWorkspace,
  getProcessingProfile,
  UnknownProfileError,
  validateSignalQuality,
  type EnvelopeResult,
  type ProcessingProfile,
  type QualityResult,
  type Workspace,
} from '@app/emg';
import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig, type SubjectiveInputs } from '@app/scoring';
import { analyzeChannels, type ChannelAnalyses } from './channel-analyses.js';
import { extractEmgChannels, type EmgChannel, type EmgChannels } from './channels.js';
import { AnalysisError } from './errors.js';
import { extractGameMetadata } from './metadata.js';
import { scoreAnalytics } from './score.js';
import type { AnalysisParams } from './params.js';
import type { AnalysisReport } from './report-types.js';
import { analyzeSeniam } from './seniam/analyze-seniam.js';

export interface AnalyzeOptions {
  /** Processing profile name (default 'ghostly-v1'). */
  profile?: string;
  scoring?: ScoringConfig;
  subjective?: SubjectiveInputs;
  /**
   * The patient's calibrated MVC per channel (V) for this profile, used when the request gives
   * no MVC for a channel; the channel then reports mvc_source 'calibration'. Absent = no
   * calibration (ghostly-v1 is then exactly the original).
   */
  calibratedMvc?: Record<string, number>;
}

function resolveProfile(name?: string): ProcessingProfile {
  try {
    return getProcessingProfile(name);
  } catch (e) {
    if (e instanceof UnknownProfileError) throw new AnalysisError('unknown_profile', e.message);
    throw e;
  }
}

export function analyzeC3d(
  file: C3dFile,
  params: AnalysisParams = {},
  options: AnalyzeOptions = {},
): AnalysisReport {
  const profile = resolveProfile(options.profile);
  if (profile.pipeline === 'seniam') return analyzeSeniam(file, params, options, profile);
  const recording = selectChannels(file);
  const { fs, channels } = recording;
  // one set of work buffers for every step of this analysis
  const ws = createWorkspace();
  const quality = channels.map((ch) => validateSignalQuality(ch.raw, fs, profile.quality));
  const envelopes = envelopesOfValid(channels, quality, fs, profile, ws);
  const ctx = { fs, profile, params, calibratedMvc: options.calibratedMvc, ws };
  const perChannel = analyzeChannels(channels, quality, envelopes, ctx);
  if (Object.keys(perChannel.analytics).length === 0) {
    throw new AnalysisError('no_emg_channels', 'no EMG channel passed signal validation', {
      channel_errors: perChannel.channelErrors,
    });
  }
  const performance = scoreAnalytics(
    perChannel.analytics,
    channels.map((c) => c.name),
    options.subjective ?? {},
    options.scoring ?? GHOSTLY_TRIAL_DEFAULT,
  );
  return sessionReport(file, recording, perChannel, performance, profile, params);
}

function selectChannels(file: C3dFile): EmgChannels {
  const recording = extractEmgChannels(file);
  if (recording.channels.length === 0)
    throw new AnalysisError('no_emg_channels', 'the file has no EMG (analog) channel');
  return recording;
}

/** Envelopes of the channels that passed validation (two at a time), null for the others. */
function envelopesOfValid(
  channels: readonly EmgChannel[],
  quality: readonly QualityResult[],
  fs: number,
  profile: ProcessingProfile,
  ws: Workspace,
): (EnvelopeResult | null)[] {
  const valid = channels.flatMap((ch, i) => (quality[i]!.valid ? [i] : []));
  const computed = computeEnvelopes(
    valid.map((i) => channels[i]!.raw),
    fs,
    profile.envelope,
    ws,
  );
  const out = channels.map((): EnvelopeResult | null => null);
  valid.forEach((i, k) => (out[i] = computed[k]!));
  return out;
}

/** The recording's report: metadata, per-channel analytics, the session's scores, the profile used. */
function sessionReport(
  file: C3dFile,
  recording: EmgChannels,
  perChannel: ChannelAnalyses,
  performance: AnalysisReport['performance_analysis'],
  profile: ProcessingProfile,
  params: AnalysisParams,
): AnalysisReport {
  const po = params.processing_options ?? {};
  const { analytics, channelErrors, used } = perChannel;
  return {
    metadata: { ...extractGameMetadata(file), session_parameters_used: used },
    analytics,
    available_channels: recording.availableChannels,
    channel_errors: channelErrors,
    performance_analysis: performance,
    processing_profile: {
      name: profile.name,
      version: profile.version,
      description: profile.description,
      parameters: profile,
    },
    processing_options_used: {
      threshold_factor: po.threshold_factor ?? profile.detection.thresholdFactor,
      min_duration_ms: po.min_duration_ms ?? profile.detection.minDurationMs,
      smoothing_window: po.smoothing_window ?? profile.detection.smoothingWindowSamples,
    },
  };
}

/** Recomputes performance_analysis from a report's counts (no signal re-analysis). */
export function rescore(
  report: AnalysisReport,
  subjective: SubjectiveInputs = {},
  scoring: ScoringConfig = GHOSTLY_TRIAL_DEFAULT,
): AnalysisReport {
  const order = Object.keys(report.analytics).sort();
  return { ...report, performance_analysis: scoreAnalytics(report.analytics, order, subjective, scoring) };
}
