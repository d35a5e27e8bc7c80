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
  type EnvelopeResult,
  type ProcessingProfile,
  type QualityResult,
  type Workspace,
} from '@app/emg';
import { GHOSTLY_TRIAL_DEFAULT, type ScoringConfig, type SubjectiveInputs } from '@app/scoring';
import { analyzeChannels } from './channel-analyses.js';
import type { EmgChannel } from './channels.js';
import { AnalysisError } from './errors.js';
import { scoreAnalytics } from './score.js';
import type { AnalysisParams } from './params.js';
import type { AnalysisReport } from './report-types.js';
import { analyzeSeniam } from './seniam/analyze-seniam.js';
import {
  requireAnalysedChannel,
  scoreSession,
  selectChannels,
  sessionReport,
  validateChannels,
} from './session-steps.js';

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
  const quality = validateChannels(recording, profile);
  const envelopes = envelopesOfValid(channels, quality, fs, profile, ws);
  const ctx = { fs, profile, params, calibratedMvc: options.calibratedMvc, ws };
  const perChannel = analyzeChannels(channels, quality, envelopes, ctx);
  requireAnalysedChannel(perChannel);
  const performance = scoreSession(perChannel, recording, options);
  return sessionReport(file, recording, perChannel, performance, profile, params.processing_options ?? {});
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

/** Recomputes performance_analysis from a report's counts (no signal re-analysis). */
export function rescore(
  report: AnalysisReport,
  subjective: SubjectiveInputs = {},
  scoring: ScoringConfig = GHOSTLY_TRIAL_DEFAULT,
): AnalysisReport {
  const order = Object.keys(report.analytics).sort();
  return { ...report, performance_analysis: scoreAnalytics(report.analytics, order, subjective, scoring) };
}
