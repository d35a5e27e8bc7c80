// analyzeC3d for profiles with pipeline 'seniam' (seniam-v1): C3D -> channels -> band-pass,
// onsets, per-contraction metrics, fatigue, quality gate -> scores -> AnalysisReport. Scoring
// keeps its formulas; its counts come from the new onsets and the MVC (upload, calibration or,
// failing both, the session's own estimate, said so in mvc_source).
import type { C3dFile } from '@app/c3d';
import {
  analyzeSeniamChannel,
  createWorkspace,
  resolveDurationThreshold,
  type ProcessingProfile,
  type QualityResult,
} from '@app/emg';
import type { AnalyzeOptions } from '../analyze.js';
import type { ChannelAnalyses } from '../channel-analyses.js';
import type { EmgChannels } from '../channels.js';
import { expectedContractionsFor, type AnalysisParams, type SessionParams } from '../params.js';
import type { AnalysisReport, ChannelAnalyticsReport, ChannelError } from '../report-types.js';
import {
  requireAnalysedChannel,
  scoreSession,
  selectChannels,
  sessionParamsEcho,
  sessionReport,
  validateChannels,
  validationError,
} from '../session-steps.js';
import { seniamChannelReport } from './seniam-channel-report.js';
import type { QualityGateReport } from './seniam-report-types.js';

const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;

interface ChannelMvc {
  value: number | null;
  source: 'upload' | 'calibration' | undefined;
  method: ChannelAnalyticsReport['mvc_estimation_method'];
}

function channelMvc(
  ch: string,
  sp: SessionParams,
  calibrated: Record<string, number> | undefined,
): ChannelMvc {
  const own = sp.session_mvc_values?.[ch];
  if (has(own)) return { value: own, source: 'upload', method: 'user_provided' };
  if (has(sp.session_mvc_value))
    return { value: sp.session_mvc_value, source: 'upload', method: 'global_provided' };
  const cal = calibrated?.[ch];
  if (has(cal)) return { value: cal, source: 'calibration', method: 'user_provided' };
  return { value: null, source: undefined, method: 'backend_estimation' };
}

/**
 * The report's quality gate from channel analytics; null when no channel has a seniam block
 * (ghostly-v1 results, where it is not computed). Also used on stored analytics.
 */
export function qualityGateReport(
  analytics: Record<string, Pick<ChannelAnalyticsReport, 'seniam'>>,
): QualityGateReport | null {
  const gated = Object.entries(analytics).filter(([, a]) => a.seniam);
  if (gated.length === 0) return null;
  const channels: QualityGateReport['channels'] = {};
  const fails: Record<string, string[]> = {};
  for (const [name, a] of gated) {
    const q = a.seniam!.quality;
    channels[name] = { passed: q.passed, reasons: q.reasons.map((r) => `${r.code}:${r.severity}`) };
    fails[name] = q.reasons.filter((r) => r.severity === 'fail').map((r) => r.code);
  }
  const failing = Object.keys(channels).filter((c) => !channels[c]!.passed);
  return {
    passed: failing.length === 0,
    failing_channels: failing,
    message: failing.length
      ? `Scored on ${failing.length === 1 ? 'a channel that fails' : 'channels that fail'} the signal-quality gate: ${failing
          .map((c) => `${c} (${fails[c]!.join(', ')})`)
          .join('; ')}. Treat the scores of this session with caution.`
      : null,
    channels,
  };
}

export function analyzeSeniam(
  file: C3dFile,
  params: AnalysisParams,
  options: AnalyzeOptions,
  profile: ProcessingProfile,
): AnalysisReport {
  const recording = selectChannels(file);
  const quality = validateChannels(recording, profile);
  const sp: SessionParams = params.session_params ?? {};
  const perChannel = analyzeSeniamChannels(recording, quality, sp, options.calibratedMvc, profile);
  requireAnalysedChannel(perChannel);
  const performance = scoreSession(perChannel, recording, options);
  return {
    quality_gate: qualityGateReport(perChannel.analytics)!,
    // seniam-v1 takes no processing_options: its detection settings are the profile's
    ...sessionReport(file, recording, perChannel, performance, profile, {}),
  };
}

/** Each channel's seniam analysis (the channels that passed validation) or its error. */
function analyzeSeniamChannels(
  recording: EmgChannels,
  quality: readonly QualityResult[],
  sp: SessionParams,
  calibratedMvc: Record<string, number> | undefined,
  profile: ProcessingProfile,
): ChannelAnalyses {
  const { fs, channels } = recording;
  const globalPct = has(sp.session_mvc_threshold_percentage)
    ? sp.session_mvc_threshold_percentage
    : profile.mvc.defaultThresholdPercentage;
  const analytics: Record<string, ChannelAnalyticsReport> = {};
  const channelErrors: Record<string, ChannelError> = {};
  const used = sessionParamsEcho(sp);
  // one set of work buffers for every channel
  const ws = createWorkspace();
  channels.forEach((ch, i) => {
    const q = quality[i]!;
    if (!q.valid) {
      channelErrors[ch.name] = validationError(q);
      return;
    }
    const mvc = channelMvc(ch.name, sp, calibratedMvc);
    const pctOwn = sp.session_mvc_threshold_percentages?.[ch.name];
    const pct = mvc.source === 'upload' && mvc.method === 'user_provided' && has(pctOwn) ? pctOwn : globalPct;
    const a = analyzeSeniamChannel(
      {
        raw: ch.raw,
        activated: ch.activated,
        fs,
        mvcValue: mvc.value,
        mvcSource: mvc.source,
        thresholdPercentage: pct,
        durationThresholdMs: resolveDurationThreshold(
          ch.name,
          {
            perMuscleSeconds: sp.session_duration_thresholds_per_muscle,
            globalMs: sp.contraction_duration_threshold,
          },
          profile.duration.defaultThresholdMs,
        ),
      },
      profile,
      ws,
    );
    analytics[ch.name] = seniamChannelReport(
      a,
      fs,
      ch.raw.length,
      expectedContractionsFor(i, sp),
      mvc.method,
    );
    used.session_mvc_values![ch.name] = a.mvc.value;
    used.session_mvc_threshold_percentages![ch.name] = a.mvc.thresholdPercentage;
  });
  return { analytics, channelErrors, used };
}
