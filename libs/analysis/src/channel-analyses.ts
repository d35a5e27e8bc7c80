// The per-channel step of a ghostly-v1 analysis: each channel's options from the request, then
// either its analysis (channels that passed validation, with their envelopes) or its error.
import {
  analyzeValidatedChannel,
  type ChannelOptions,
  type EnvelopeResult,
  type ProcessingProfile,
  type QualityResult,
  type Workspace,
} from '@app/emg';
import type { EmgChannel } from './channels.js';
import { channelReport } from './channel-report.js';
import { expectedContractionsFor, type AnalysisParams, type SessionParams } from './params.js';
import type { ChannelAnalyticsReport, ChannelError } from './report-types.js';
import { sessionParamsEcho, validationError } from './session-steps.js';

export interface ChannelAnalyses {
  analytics: Record<string, ChannelAnalyticsReport>;
  channelErrors: Record<string, ChannelError>;
  /** The session parameters with the MVC values and percentages each channel used. */
  used: SessionParams;
}

export interface RecordingContext {
  fs: number;
  profile: ProcessingProfile;
  params: AnalysisParams;
  /** The patient's calibrated MVC per channel (see AnalyzeOptions.calibratedMvc). */
  calibratedMvc?: Record<string, number>;
  ws: Workspace;
}

/**
 * @param quality   per channel, in the order of `channels`
 * @param envelopes per channel; null for the channels that failed validation
 */
export function analyzeChannels(
  channels: readonly EmgChannel[],
  quality: readonly QualityResult[],
  envelopes: readonly (EnvelopeResult | null)[],
  ctx: RecordingContext,
): ChannelAnalyses {
  const sp: SessionParams = ctx.params.session_params ?? {};
  const analytics: Record<string, ChannelAnalyticsReport> = {};
  const channelErrors: Record<string, ChannelError> = {};
  const used = sessionParamsEcho(sp);
  channels.forEach((ch, i) => {
    const q = quality[i]!;
    const envelope = envelopes[i];
    if (!q.valid || !envelope) {
      channelErrors[ch.name] = validationError(q);
      return;
    }
    const calibrated = calibrationFor(ch.name, sp, ctx.calibratedMvc);
    const input = { name: ch.name, raw: ch.raw, activated: ch.activated, fs: ctx.fs };
    const options = channelOptions(ch.name, ctx, calibrated);
    const a = analyzeValidatedChannel(input, q, envelope, ctx.profile, options, ctx.ws);
    analytics[ch.name] = channelReport(a, ctx.fs, ch.raw.length, expectedContractionsFor(i, sp));
    if (calibrated !== undefined) analytics[ch.name]!.mvc_source = 'calibration';
    // echo what was used, as the original's session_parameters_used
    used.session_mvc_values![ch.name] = a.mvc.mvcValue;
    used.session_mvc_threshold_percentages![ch.name] = a.mvc.thresholdPercentage;
  });
  return { analytics, channelErrors, used };
}

/** A calibrated MVC applies to a channel the request gives no MVC for (per channel or global). */
function calibrationFor(ch: string, sp: SessionParams, cal?: Record<string, number>): number | undefined {
  const given = (v: number | null | undefined) => v !== null && v !== undefined;
  if (given(sp.session_mvc_values?.[ch]) || given(sp.session_mvc_value)) return undefined;
  return cal?.[ch] ?? undefined;
}

/** The request's MVC, duration and detection settings for one channel. */
function channelOptions(ch: string, ctx: RecordingContext, calibrated: number | undefined): ChannelOptions {
  const sp = ctx.params.session_params ?? {};
  const po = ctx.params.processing_options ?? {};
  const globalPct =
    sp.session_mvc_threshold_percentage === undefined
      ? ctx.profile.mvc.defaultThresholdPercentage
      : sp.session_mvc_threshold_percentage;
  return {
    mvc: {
      channelMvcValue: calibrated ?? sp.session_mvc_values?.[ch],
      channelThresholdPercentage: sp.session_mvc_threshold_percentages?.[ch],
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
  };
}
