// Re-evaluation of an existing analysis against new thresholds (the original's
// POST /analysis/recalc): contraction boundaries, amplitudes and signal metrics
// stay; each contraction's flags, the counts and the thresholds are recomputed per channel with
// the same threshold rules as a fresh analysis, so that the result equals a fresh analysis of the
// same file with the same parameters. Unlike the original, the scores are recomputed too.
import {
  contractionFlags,
  getProcessingProfile,
  resolveDurationThreshold,
  resolveMvcThreshold,
  type MvcThreshold,
  type ProcessingProfile,
} from '@app/emg';
import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig, type SubjectiveInputs } from '@app/scoring';
import { expectedContractionsFor, type SessionParams } from './params.js';
import type { ChannelAnalyticsReport, PerformanceAnalysis } from './report-types.js';
import { scoreAnalytics } from './score.js';
import { sessionParamsEcho } from './session-steps.js';

export interface RecalcOptions {
  profile?: string;
  scoring?: ScoringConfig;
  subjective?: SubjectiveInputs;
}

export interface RecalcResult {
  analytics: Record<string, ChannelAnalyticsReport>;
  /** The parameters applied, with each channel's MVC value and percentage filled in. */
  sessionParametersUsed: SessionParams;
  performanceAnalysis: PerformanceAnalysis;
}

/**
 * The channel's MVC threshold: the given values as in a fresh analysis; where none is given, the
 * channel's earlier MVC value (its envelope percentile when it was estimated, which a fresh
 * analysis would compute again).
 */
function mvcFor(
  channel: string,
  a: ChannelAnalyticsReport,
  sp: SessionParams,
  profile: ProcessingProfile,
): MvcThreshold {
  const inputs = {
    channelMvcValue: sp.session_mvc_values?.[channel],
    channelThresholdPercentage: sp.session_mvc_threshold_percentages?.[channel],
    globalMvcValue: sp.session_mvc_value,
    globalThresholdPercentage: sp.session_mvc_threshold_percentage ?? profile.mvc.defaultThresholdPercentage,
  };
  // resolveMvcThreshold reads the envelope only when it must estimate: a one-value "envelope"
  // has the earlier value as every percentile
  return resolveMvcThreshold(inputs, [a.mvc_value], profile.mvc);
}

export function recalculateAnalytics(
  analytics: Record<string, ChannelAnalyticsReport>,
  sp: SessionParams,
  options: RecalcOptions = {},
): RecalcResult {
  const profile = getProcessingProfile(options.profile);
  const order = Object.keys(analytics).sort();
  const out: Record<string, ChannelAnalyticsReport> = {};
  const used = sessionParamsEcho(sp);
  order.forEach((channel, i) => {
    const a = analytics[channel]!;
    const mvc = mvcFor(channel, a, sp, profile);
    const durationMs = resolveDurationThreshold(
      channel,
      {
        perMuscleSeconds: sp.session_duration_thresholds_per_muscle,
        globalMs: sp.contraction_duration_threshold,
      },
      profile.duration.defaultThresholdMs,
    );
    let good = 0;
    let meetsMvc = 0;
    let meetsDuration = 0;
    const contractions = a.contractions.map((c) => {
      const f = contractionFlags(c.max_amplitude, c.duration_ms, mvc.threshold, durationMs);
      if (f.isGood) good++;
      if (f.meetsMvc) meetsMvc++;
      if (f.meetsDuration) meetsDuration++;
      return { ...c, meets_mvc: f.meetsMvc, meets_duration: f.meetsDuration, is_good: f.isGood };
    });
    out[channel] = {
      ...a,
      contractions,
      good_contraction_count: good,
      mvc_compliant_count: meetsMvc,
      duration_compliant_count: meetsDuration,
      compliance_rate: contractions.length ? good / contractions.length : 0,
      mvc75_threshold: mvc.threshold,
      mvc_value: mvc.mvcValue,
      mvc_threshold_percentage: mvc.thresholdPercentage,
      mvc_estimation_method: mvc.method,
      duration_threshold_actual_value: durationMs,
      expected_contractions: expectedContractionsFor(i, sp),
    };
    used.session_mvc_values![channel] = mvc.mvcValue;
    used.session_mvc_threshold_percentages![channel] = mvc.thresholdPercentage;
  });
  return {
    analytics: out,
    sessionParametersUsed: used,
    performanceAnalysis: scoreAnalytics(
      out,
      order,
      options.subjective ?? {},
      options.scoring ?? GHOSTLY_TRIAL_DEFAULT,
    ),
  };
}
