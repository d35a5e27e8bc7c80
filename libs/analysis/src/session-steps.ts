// The steps of an analysis that ghostly-v1 (analyze.ts) and seniam-v1 (seniam/analyze-seniam.ts)
// share: selecting and validating the EMG channels, the echo of the session parameters, the
// check that some channel was analysed, the session's scores and the report around them.
import type { C3dFile } from '@app/c3d';
import { validateSignalQuality, type ProcessingProfile, type QualityResult } from '@app/emg';
import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig, type SubjectiveInputs } from '@app/scoring';
import type { ChannelAnalyses } from './channel-analyses.js';
import { extractEmgChannels, type EmgChannels } from './channels.js';
import { AnalysisError } from './errors.js';
import { extractGameMetadata } from './metadata.js';
import type { ProcessingOptionsParams, SessionParams } from './params.js';
import type { AnalysisReport, ChannelError } from './report-types.js';
import { scoreAnalytics } from './score.js';

export function selectChannels(file: C3dFile): EmgChannels {
  const recording = extractEmgChannels(file);
  if (recording.channels.length === 0)
    throw new AnalysisError('no_emg_channels', 'the file has no EMG (analog) channel');
  return recording;
}

/** Signal-quality validation of each channel, in channel order. */
export function validateChannels(recording: EmgChannels, profile: ProcessingProfile): QualityResult[] {
  return recording.channels.map((ch) => validateSignalQuality(ch.raw, recording.fs, profile.quality));
}

/** The channel error of a channel that failed validation. */
export function validationError(q: QualityResult): ChannelError {
  return { stage: 'signal_processing', code: q.issue ?? 'invalid', message: q.message };
}

/**
 * A copy of the request's session parameters with maps of their own for the per-channel MVC
 * values and percentages, which each analysed channel fills with what it used (the original's
 * session_parameters_used).
 */
export function sessionParamsEcho(sp: SessionParams): SessionParams {
  return {
    ...sp,
    session_mvc_values: { ...sp.session_mvc_values },
    session_mvc_threshold_percentages: { ...sp.session_mvc_threshold_percentages },
  };
}

export function requireAnalysedChannel(perChannel: ChannelAnalyses): void {
  if (Object.keys(perChannel.analytics).length === 0) {
    throw new AnalysisError('no_emg_channels', 'no EMG channel passed signal validation', {
      channel_errors: perChannel.channelErrors,
    });
  }
}

/** The session's performance scores, channels in recording order. */
export function scoreSession(
  perChannel: ChannelAnalyses,
  recording: EmgChannels,
  options: { subjective?: SubjectiveInputs; scoring?: ScoringConfig },
): AnalysisReport['performance_analysis'] {
  return scoreAnalytics(
    perChannel.analytics,
    recording.channels.map((c) => c.name),
    options.subjective ?? {},
    options.scoring ?? GHOSTLY_TRIAL_DEFAULT,
  );
}

/**
 * The recording's report: metadata, per-channel analytics, the session's scores, the profile
 * used and the detection options used (`po` over the profile's defaults).
 */
export function sessionReport(
  file: C3dFile,
  recording: EmgChannels,
  perChannel: ChannelAnalyses,
  performance: AnalysisReport['performance_analysis'],
  profile: ProcessingProfile,
  po: ProcessingOptionsParams,
): AnalysisReport {
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
