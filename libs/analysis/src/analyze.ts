// The single analysis entry of the service and the CLI: C3D -> channels -> ghostly profile ->
// scores -> AnalysisReport.
import type { C3dFile } from '@app/c3d';
import {
  analyzeChannel,
  computeEnvelopes,
  getProcessingProfile,
  SignalQualityError,
  UnknownProfileError,
  validateSignalQuality,
  type EnvelopeResult,
  type ProcessingProfile,
} from '@app/emg';
import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig, type SubjectiveInputs } from '@app/scoring';
import { extractEmgChannels } from './channels.js';
import { channelReport } from './channel-report.js';
import { AnalysisError } from './errors.js';
import { extractGameMetadata } from './metadata.js';
import { scoreAnalytics } from './score.js';
import { expectedContractionsFor, type AnalysisParams, type SessionParams } from './params.js';
import type { AnalysisReport, ChannelAnalyticsReport, ChannelError } from './report-types.js';
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

/** A calibrated MVC applies to a channel the request gives no MVC for (per channel or global). */
function calibrationFor(ch: string, sp: SessionParams, cal?: Record<string, number>): number | undefined {
  const given = (v: number | null | undefined) => v !== null && v !== undefined;
  if (given(sp.session_mvc_values?.[ch]) || given(sp.session_mvc_value)) return undefined;
  return cal?.[ch] ?? undefined;
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
  const sp: SessionParams = params.session_params ?? {};
  const po = params.processing_options ?? {};
  const { fs, channels, availableChannels } = extractEmgChannels(file);
  if (channels.length === 0)
    throw new AnalysisError('no_emg_channels', 'the file has no EMG (analog) channel');
  const globalPct =
    sp.session_mvc_threshold_percentage === undefined
      ? profile.mvc.defaultThresholdPercentage
      : sp.session_mvc_threshold_percentage;
  const analytics: Record<string, ChannelAnalyticsReport> = {};
  const channelErrors: Record<string, ChannelError> = {};
  const used: SessionParams = {
    ...sp,
    session_mvc_values: { ...sp.session_mvc_values },
    session_mvc_threshold_percentages: { ...sp.session_mvc_threshold_percentages },
  };
  // Quality first, then the envelopes of the channels that pass, two at a time.
  const quality = channels.map((ch) => validateSignalQuality(ch.raw, fs, profile.quality));
  const valid = channels.filter((_, i) => quality[i]!.valid);
  const envelopes = new Map<string, EnvelopeResult>();
  computeEnvelopes(
    valid.map((ch) => ch.raw),
    fs,
    profile.envelope,
  ).forEach((env, k) => envelopes.set(valid[k]!.name, env));
  channels.forEach((ch, i) => {
    const calibrated = calibrationFor(ch.name, sp, options.calibratedMvc);
    try {
      const a = analyzeChannel({ name: ch.name, raw: ch.raw, activated: ch.activated, fs }, profile, {
        mvc: {
          channelMvcValue: calibrated ?? sp.session_mvc_values?.[ch.name],
          channelThresholdPercentage: sp.session_mvc_threshold_percentages?.[ch.name],
          globalMvcValue: sp.session_mvc_value,
          globalThresholdPercentage: globalPct,
        },
        duration: {
          perMuscleSeconds: sp.session_duration_thresholds_per_muscle,
          globalMs: sp.contraction_duration_threshold,
        },
        detection: {
          thresholdFactor: po.threshold_factor,
          minDurationMs: po.min_duration_ms,
          smoothingWindow: po.smoothing_window,
        },
        precomputed: { quality: quality[i], envelope: envelopes.get(ch.name) },
      });
      analytics[ch.name] = channelReport(a, fs, ch.raw.length, expectedContractionsFor(i, sp));
      if (calibrated !== undefined) analytics[ch.name]!.mvc_source = 'calibration';
      // echo what was used, as the original's session_parameters_used
      used.session_mvc_values![ch.name] = a.mvc.mvcValue;
      used.session_mvc_threshold_percentages![ch.name] = a.mvc.thresholdPercentage;
    } catch (e) {
      if (!(e instanceof SignalQualityError)) throw e;
      channelErrors[ch.name] = {
        stage: 'signal_processing',
        code: e.quality.issue ?? 'invalid',
        message: e.quality.message,
      };
    }
  });
  if (Object.keys(analytics).length === 0) {
    throw new AnalysisError('no_emg_channels', 'no EMG channel passed signal validation', {
      channel_errors: channelErrors,
    });
  }
  const order = channels.map((c) => c.name);
  return {
    metadata: { ...extractGameMetadata(file), session_parameters_used: used },
    analytics,
    available_channels: availableChannels,
    channel_errors: channelErrors,
    performance_analysis: scoreAnalytics(
      analytics,
      order,
      options.subjective ?? {},
      options.scoring ?? GHOSTLY_TRIAL_DEFAULT,
    ),
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
