// One channel through a processing profile: raw-signal metrics and temporal statistics,
// quality validation, envelope, thresholds, contraction detection and summary, in the
// original's order.
import { detectContractions } from '../contractions/detect-contractions.js';
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
  /**
   * Results already computed for this channel's raw signal with this profile (computeEnvelopes
   * does both channels of a recording at once); computed here when absent.
   */
  precomputed?: { quality?: QualityResult; envelope?: EnvelopeResult };
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

export function analyzeChannel(
  input: ChannelInput,
  profile: ProcessingProfile,
  options: ChannelOptions = {},
): ChannelAnalysis {
  const { raw, fs, name } = input;
  const metrics = signalMetrics(raw, fs, profile.spectral);
  const temporal = temporalStats(raw, fs, profile.temporal, profile.spectral);
  const quality = options.precomputed?.quality ?? validateSignalQuality(raw, fs, profile.quality);
  if (!quality.valid) throw new SignalQualityError(name, quality);
  const env = options.precomputed?.envelope ?? computeEnvelope(raw, fs, profile.envelope);
  const durationThresholdMs = resolveDurationThreshold(
    name,
    options.duration ?? {},
    profile.duration.defaultThresholdMs,
  );
  const mvc = resolveMvcThreshold(options.mvc ?? {}, env.envelope, profile.mvc);
  const d = profile.detection;
  const useActivated = d.useActivatedChannel && !!input.activated && input.activated.length > 0;
  const thresholdFactorUsed = useActivated
    ? d.activatedThresholdFactor
    : (options.detection?.thresholdFactor ?? d.thresholdFactor);
  const det = detectContractions(env.envelope, useActivated ? input.activated! : env.envelope, {
    fs,
    thresholdFactor: thresholdFactorUsed,
    minDurationMs: options.detection?.minDurationMs ?? d.minDurationMs,
    smoothingWindow: options.detection?.smoothingWindow ?? d.smoothingWindowSamples,
    mergeThresholdMs: d.mergeThresholdMs,
    refractoryPeriodMs: d.refractoryPeriodMs,
    maxContractionDurationMs: d.maxContractionDurationMs,
    minPeak: d.minPeak,
    mvcThreshold: mvc.threshold,
    durationThresholdMs,
  });
  return {
    channel: name,
    ...summarizeContractions(det.contractions),
    metrics,
    temporal,
    quality,
    mvc,
    durationThresholdMs,
    timingSource: useActivated ? 'activated' : 'envelope',
    thresholdFactorUsed,
    detectionThreshold: det.detectionThreshold,
    contractions: det.contractions,
    envelope: env.envelope,
    envelopeSteps: env.steps,
  };
}
