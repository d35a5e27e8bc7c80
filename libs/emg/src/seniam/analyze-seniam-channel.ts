// One channel through seniam-v1: band-pass, envelope, onsets (all three methods, the profile's
// one drives the contractions), per-contraction metrics, fatigue trends, mains, quality gate,
// agreement with the device's activated channel, MVC-relative flags.
import type { OnsetMethod, ProcessingProfile, SeniamParams } from '../profiles/types.js';
import { percentile } from '../stats/percentile.js';
import type { Workspace } from '../workspace.js';
import { fatigueTrends, type FatigueResult } from '../fatigue/fatigue.js';
import { agreement, type Agreement } from './agreement.js';
import { contractionMetrics, type ContractionMetrics } from './contraction-metrics.js';
import { bandEdges, bandpass, linearEnvelope, type BandEdges } from './filters.js';
import { applyMinDurations, msToSamples, runsAbove, type Span } from './intervals.js';
import { mainsInterference, type MainsReport } from './mains.js';
import { detectOnsets, type OnsetResult } from './onsets.js';
import { qualityGate, type QualityGate } from './quality-gate.js';

export const ONSET_METHODS: readonly OnsetMethod[] = ['hodges', 'bonato', 'tkeo'];

/** Where the MVC behind %MVC and the intensity flag came from. */
export type MvcSource = 'upload' | 'calibration' | 'session_estimate';

export interface SeniamChannelInput {
  raw: ArrayLike<number>;
  /** The device's "activated" channel: used only to report agreement. */
  activated?: ArrayLike<number> | null;
  fs: number;
  /** Given (upload) or calibrated MVC, V; absent = estimated from this session. */
  mvcValue?: number | null;
  mvcSource?: Exclude<MvcSource, 'session_estimate'>;
  thresholdPercentage: number;
  /** Duration a contraction must reach, ms; null = no duration criterion. */
  durationThresholdMs: number | null;
}

export interface SeniamContraction extends ContractionMetrics {
  /** 100 x envelope peak / MVC. */
  pctMvcPeak: number;
  pctMvcMean: number;
  meetsMvc: boolean;
  meetsDuration: boolean;
  isGood: boolean;
}

export interface MethodSummary {
  method: OnsetMethod;
  threshold: number;
  restStartS: number;
  count: number;
  /** Against the activated channel, when there is one. */
  agreement: Agreement | null;
}

export interface SeniamChannelAnalysis {
  band: BandEdges;
  method: OnsetMethod;
  onset: OnsetResult;
  methods: MethodSummary[];
  contractions: SeniamContraction[];
  /** Over contraction samples only (pooled), band-passed. */
  summary: {
    rms: number | null;
    mav: number | null;
    /** Means of the per-contraction values, with their count. */
    mnf: number | null;
    mdf: number | null;
    fiNsm5: number | null;
    spectralCount: number;
    envelopePeak: number | null;
    envelopeMean: number | null;
  };
  fatigue: FatigueResult;
  mains: MainsReport | null;
  gate: QualityGate;
  mvc: { value: number; source: MvcSource; thresholdPercentage: number; threshold: number };
  durationThresholdMs: number | null;
  activatedSpans: Span[] | null;
}

/** Activated > 0 runs with the same minimum on/off durations as the detections. */
export function activatedSpans(act: ArrayLike<number>, fs: number, p: SeniamParams['onset']): Span[] {
  return applyMinDurations(runsAbove(act, 0), msToSamples(p.minOnMs, fs), msToSamples(p.minOffMs, fs));
}

function mean(v: number[]): number | null {
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
}

export function seniamParams(profile: ProcessingProfile): SeniamParams {
  if (!profile.seniam) throw new RangeError(`profile ${profile.name} has no seniam parameters`);
  return profile.seniam;
}

/** %MVC and the scoring flags: intensity = envelope peak >= threshold, duration >= target. */
function flagged(
  c: ContractionMetrics,
  mvc: number,
  threshold: number,
  dThr: number | null,
): SeniamContraction {
  const meetsMvc = c.envelopePeak >= threshold;
  const meetsDuration = dThr !== null && c.durationMs >= dThr;
  return {
    ...c,
    pctMvcPeak: (100 * c.envelopePeak) / mvc,
    pctMvcMean: (100 * c.envelopeMean) / mvc,
    meetsMvc,
    meetsDuration,
    isGood: dThr !== null ? meetsMvc && meetsDuration : meetsMvc,
  };
}

/** Contraction-only summary: pooled band-passed RMS/MAV, means of the per-contraction values. */
function summarize(
  bp: Float64Array,
  spans: readonly Span[],
  metrics: readonly ContractionMetrics[],
): SeniamChannelAnalysis['summary'] {
  let s2 = 0;
  let s1 = 0;
  let n = 0;
  for (const s of spans)
    for (let i = s.start; i < s.end; i++) {
      s2 += bp[i]! * bp[i]!;
      s1 += Math.abs(bp[i]!);
      n++;
    }
  const spec = metrics.filter((c) => c.mdf !== null);
  return {
    rms: n ? Math.sqrt(s2 / n) : null,
    mav: n ? s1 / n : null,
    mnf: mean(spec.map((c) => c.mnf!)),
    mdf: mean(spec.map((c) => c.mdf!)),
    fiNsm5: mean(spec.map((c) => c.fiNsm5!)),
    spectralCount: spec.length,
    envelopePeak: metrics.length ? Math.max(...metrics.map((c) => c.envelopePeak)) : null,
    envelopeMean: mean(metrics.map((c) => c.envelopeMean)),
  };
}

/** Transient buffers (the MVC estimate's selection copy) go to `ws` when given. */
export function analyzeSeniamChannel(
  inp: SeniamChannelInput,
  profile: ProcessingProfile,
  ws?: Workspace,
): SeniamChannelAnalysis {
  const p = seniamParams(profile);
  const { fs } = inp;
  const band = bandEdges(fs, p.bandpass);
  const bp = bandpass(inp.raw, fs, p.bandpass);
  const env = linearEnvelope(bp, fs, p.envelope);
  const ref = inp.activated ? activatedSpans(inp.activated, fs, p.onset) : null;
  const results = ONSET_METHODS.map((m) => detectOnsets(m, { bp, env, fs }, p));
  const methods = results.map((r) => ({
    method: r.method,
    threshold: r.threshold,
    restStartS: r.rest.start / fs,
    count: r.spans.length,
    agreement: ref ? agreement(r.spans, ref, fs) : null,
  }));
  const onset = results.find((r) => r.method === p.onset.method)!;
  const metrics = onset.spans.map((s) => contractionMetrics(bp, env, s, fs, band, p.spectral));
  const mvcGiven = inp.mvcValue !== null && inp.mvcValue !== undefined;
  const mvcValue = mvcGiven ? inp.mvcValue! : percentile(env, profile.mvc.estimationPercentile, ws);
  const mvcSource: MvcSource = mvcGiven ? (inp.mvcSource ?? 'upload') : 'session_estimate';
  const threshold = (mvcValue * inp.thresholdPercentage) / 100;
  const dThr = inp.durationThresholdMs;
  const contractions = metrics.map((c) => flagged(c, mvcValue, threshold, dThr));
  const fatigue = fatigueTrends(metrics, p.fatigue.fiBaselineContractions, p.fatigue.confidence);
  const mains = mainsInterference(bp, fs, band.lowHz, band.highHz, p.mains);
  const gate = qualityGate(
    {
      raw: inp.raw,
      bp,
      spans: onset.spans,
      fs,
      mainsFraction: mains?.fraction ?? null,
      contractionsForSlope: fatigue.n,
    },
    p.gate,
    p.fatigue.minContractionsForSlope,
  );
  return {
    band,
    method: onset.method,
    onset,
    methods,
    contractions,
    summary: summarize(bp, onset.spans, metrics),
    fatigue,
    mains,
    gate,
    mvc: { value: mvcValue, source: mvcSource, thresholdPercentage: inp.thresholdPercentage, threshold },
    durationThresholdMs: dThr,
    activatedSpans: ref,
  };
}
