// Contraction detection of ghostly-v1 (original analyze_contractions): timing from a
// smoothed (activated or envelope) signal, amplitude from the processed envelope.
import { movingAverage } from '../smoothing/moving-average.js';
import { SLOT_A, SLOT_B, workBuffer, type Workspace } from '../workspace.js';
import { findIntervals } from './find-intervals.js';
import { refineIntervals } from './refine-intervals.js';
import type { Contraction, Interval } from './types.js';
import { contractionFlags } from './flags.js';

export interface DetectionOptions {
  fs: number;
  /** Fraction of the smoothed timing signal's maximum. */
  thresholdFactor: number;
  minDurationMs: number;
  /** Moving-average length in samples. */
  smoothingWindow: number;
  mergeThresholdMs: number;
  refractoryPeriodMs: number;
  maxContractionDurationMs: number;
  minPeak: number;
  /** MVC amplitude threshold (V); null disables the MVC criterion. */
  mvcThreshold: number | null;
  /** Duration threshold (ms); null disables the duration criterion. */
  durationThresholdMs: number | null;
}

export interface DetectionResult {
  contractions: Contraction[];
  /** factor x max(smoothed); null when nothing could be detected. */
  detectionThreshold: number | null;
  /** Intervals kept by the minimum-duration filter, before merging. */
  preMergeCount: number;
}

const ms2samples = (ms: number, fs: number): number => Math.trunc((ms / 1000) * fs);

/**
 * @param envelope processed envelope (amplitude source)
 * @param timing   timing signal (the activated channel, or the envelope itself)
 * @param ws       where the transient rectified and smoothed timing signals go
 */
export function detectContractions(
  envelope: ArrayLike<number>,
  timing: ArrayLike<number>,
  o: DetectionOptions,
  ws?: Workspace,
): DetectionResult {
  const empty: DetectionResult = { contractions: [], detectionThreshold: null, preMergeCount: 0 };
  if (o.smoothingWindow <= 0 || timing.length < o.smoothingWindow || envelope.length < o.smoothingWindow)
    return empty;
  // both are transient (only intervals and the threshold leave this function)
  const abs = workBuffer(ws, SLOT_A, timing.length);
  for (let i = 0; i < abs.length; i++) abs[i] = Math.abs(timing[i]!);
  const w = Math.max(1, o.smoothingWindow);
  const smoothed = movingAverage(abs, w, workBuffer(ws, SLOT_B, Math.max(abs.length, w)));
  let peak = -Infinity;
  for (let i = 0; i < smoothed.length; i++) if (smoothed[i]! > peak) peak = smoothed[i]!;
  if (peak < o.minPeak) return empty;
  const threshold = peak * o.thresholdFactor;
  const { intervals, preMergeCount } = refineIntervals(findIntervals(smoothed, threshold), {
    minSamples: ms2samples(o.minDurationMs, o.fs),
    mergeGapSamples: ms2samples(o.mergeThresholdMs, o.fs),
    maxSamples: ms2samples(o.maxContractionDurationMs, o.fs),
    refractorySamples: ms2samples(o.refractoryPeriodMs, o.fs),
  });
  return {
    contractions: intervals.map((c) => describeContraction(envelope, c, o)),
    detectionThreshold: threshold,
    preMergeCount,
  };
}

function describeContraction(envelope: ArrayLike<number>, c: Interval, o: DetectionOptions): Contraction {
  let max = -Infinity;
  let sum = 0;
  for (let i = c.start; i <= c.end; i++) {
    const v = Math.abs(envelope[i]!);
    sum += v;
    if (v > max) max = v;
  }
  const durationMs = ((c.end - c.start) / o.fs) * 1000;
  const { meetsMvc, meetsDuration, isGood } = contractionFlags(
    max,
    durationMs,
    o.mvcThreshold,
    o.durationThresholdMs,
  );
  return {
    startIndex: c.start,
    endIndex: c.end,
    startTimeMs: (c.start / o.fs) * 1000,
    endTimeMs: (c.end / o.fs) * 1000,
    durationMs,
    meanAmplitude: sum / (c.end - c.start + 1),
    maxAmplitude: max,
    meetsMvc,
    meetsDuration,
    isGood,
  };
}
