// One channel through a processing profile: quality validation, envelope, then (for a valid
// channel) raw-signal metrics and temporal statistics, thresholds, contraction detection and
// summary. analyzeChannel runs every step; a recording's analysis, which validates all channels
// and computes their envelopes together, calls analyzeValidatedChannel with both.
import { detectContractions, type DetectionResult } from '../contractions/detect-contractions.js';
import { summarizeContractions, type ContractionSummary } from '../contractions/summarize.js';
import type { Contraction } from '../contractions/types.js';
import { computeEnvelope, type EnvelopeResult } from '../envelope.js';
import {
  resolveDurationThreshold,
  resolveMvcThreshold,
  type DurationInputs,
  type MvcInputs,
  type MvcThreshold,
} from '../mvc/thresholds.js';
import type { ProcessingProfile } from '../profiles/types.js';
import { validateSignalQuality, type QualityResult } from '../quality.js';
import { signalMetrics, type SignalMetrics } from '../spectral/signal-metrics.js';
import { temporalStats, type TemporalStats } from '../temporal-stats.js';
import type { Workspace } from '../workspace.js';

export interface ChannelInput {
  /** Base channel name, e.g. "CH1" (keys the per-channel parameters). */
  name: string;
  raw: ArrayLike<number>;
  /** The C3D "<name> activated" channel, if any. */
  activated?: ArrayLike<number> | null;
  fs: number;
}

export interface DetectionOverrides {
  /** Envelope-timing threshold factor (ignored when the activated channel drives timing). */
  thresholdFactor?: number;
  minDurationMs?: number;
  /** Samples. */
  smoothingWindow?: number;
}

export interface ChannelOptions {
  mvc?: MvcInputs;
  duration?: DurationInputs;
  detection?: DetectionOverrides;
}

export interface ChannelAnalysis extends ContractionSummary {
  channel: string;
  metrics: SignalMetrics;
  temporal: TemporalStats;
  quality: QualityResult;
  mvc: MvcThreshold;
  durationThresholdMs: number | null;
  timingSource: 'activated' | 'envelope';
  thresholdFactorUsed: number;
  detectionThreshold: number | null;
  contractions: Contraction[];
  envelope: Float64Array;
  envelopeSteps: string[];
}

/** Thrown (by analyzeChannel) when the raw signal fails the profile's quality limits. */
export class SignalQualityError extends Error {
  readonly code = 'signal_quality';
  constructor(
    readonly channel: string,
    readonly quality: QualityResult,
  ) {
    super(`${channel}: ${quality.message}`);
    this.name = 'SignalQualityError';
  }
}

/**
 * The whole pipeline of one channel. Throws SignalQualityError when the raw signal fails the
 * profile's quality limits. Transient buffers go to `ws` when given.
 */
export function analyzeChannel(
  input: ChannelInput,
  profile: ProcessingProfile,
  options: ChannelOptions = {},
  ws?: Workspace,
): ChannelAnalysis {
  const quality = validateSignalQuality(input.raw, input.fs, profile.quality);
  if (!quality.valid) throw new SignalQualityError(input.name, quality);
  const envelope = computeEnvelope(input.raw, input.fs, profile.envelope, ws);
  return analyzeValidatedChannel(input, quality, envelope, profile, options, ws);
}

/**
 * A channel whose raw signal passed validation (`quality`), with its envelope computed from the
 * raw signal with the same profile: metrics, temporal statistics, thresholds, contractions.
 */
export function analyzeValidatedChannel(
  input: ChannelInput,
  quality: QualityResult,
  envelope: EnvelopeResult,
  profile: ProcessingProfile,
  options: ChannelOptions = {},
  ws?: Workspace,
): ChannelAnalysis {
  const { raw, fs, name } = input;
  if (!quality.valid) throw new SignalQualityError(name, quality);
  const durationThresholdMs = resolveDurationThreshold(
    name,
    options.duration ?? {},
    profile.duration.defaultThresholdMs,
  );
  const mvc = resolveMvcThreshold(options.mvc ?? {}, envelope.envelope, profile.mvc, ws);
  const limits = { mvcThreshold: mvc.threshold, durationThresholdMs };
  const detection = detectChannelContractions(input, envelope.envelope, profile, options, limits, ws);
  return {
    channel: name,
    ...summarizeContractions(detection.contractions),
    metrics: signalMetrics(raw, fs, profile.spectral),
    temporal: temporalStats(raw, fs, profile.temporal, profile.spectral),
    quality,
    mvc,
    durationThresholdMs,
    timingSource: detection.timingSource,
    thresholdFactorUsed: detection.thresholdFactorUsed,
    detectionThreshold: detection.detectionThreshold,
    contractions: detection.contractions,
    envelope: envelope.envelope,
    envelopeSteps: envelope.steps,
  };
}

/** Contraction detection with the profile's parameters and the request's overrides. */
function detectChannelContractions(
  input: ChannelInput,
  envelope: Float64Array,
  profile: ProcessingProfile,
  options: ChannelOptions,
  limits: { mvcThreshold: number | null; durationThresholdMs: number | null },
  ws: Workspace | undefined,
): DetectionResult & Pick<ChannelAnalysis, 'timingSource' | 'thresholdFactorUsed'> {
  const d = profile.detection;
  const useActivated = d.useActivatedChannel && !!input.activated && input.activated.length > 0;
  const thresholdFactorUsed = useActivated
    ? d.activatedThresholdFactor
    : (options.detection?.thresholdFactor ?? d.thresholdFactor);
  const timing = useActivated ? input.activated! : envelope;
  const det = detectContractions(
    envelope,
    timing,
    {
      fs: input.fs,
      thresholdFactor: thresholdFactorUsed,
      minDurationMs: options.detection?.minDurationMs ?? d.minDurationMs,
      smoothingWindow: options.detection?.smoothingWindow ?? d.smoothingWindowSamples,
      mergeThresholdMs: d.mergeThresholdMs,
      refractoryPeriodMs: d.refractoryPeriodMs,
      maxContractionDurationMs: d.maxContractionDurationMs,
      minPeak: d.minPeak,
      ...limits,
    },
    ws,
  );
  return { ...det, timingSource: useActivated ? 'activated' : 'envelope', thresholdFactorUsed };
}
