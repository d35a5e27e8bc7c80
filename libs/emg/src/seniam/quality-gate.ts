// Signal-quality gate of seniam-v1: measures and the reasons a channel fails or is flagged.
import type { SeniamParams } from '../profiles/types.js';
import type { Span } from './intervals.js';

export type GateReasonCode =
  | 'clipping'
  | 'flat_line'
  | 'no_contractions'
  | 'low_snr'
  | 'dc_offset'
  | 'mains_interference'
  | 'too_few_contractions';

export interface GateReason {
  code: GateReasonCode;
  /** 'fail' makes the channel fail the gate; 'warn' is reported only. */
  severity: 'fail' | 'warn';
  message: string;
  value: number | null;
  limit: number;
}

export interface GateMeasures {
  /** Fraction of samples in runs (>= clipMinRun) at the recording's maximum or minimum. */
  clipFraction: number;
  /** Longest run of identical consecutive raw samples, ms. */
  longestFlatMs: number;
  /** 20 log10(RMS during contractions / RMS outside them), band-passed; null without both. */
  snrDb: number | null;
  /** |mean(raw)| / RMS(band-passed). */
  dcRatio: number;
  mainsFraction: number | null;
  contractionsForSlope: number;
}

export interface QualityGate {
  passed: boolean;
  reasons: GateReason[];
  measures: GateMeasures;
}

export interface GateInputs {
  raw: ArrayLike<number>;
  bp: ArrayLike<number>;
  spans: readonly Span[];
  fs: number;
  mainsFraction: number | null;
  contractionsForSlope: number;
}

function runsAt(x: ArrayLike<number>, value: number, minRun: number): number {
  let total = 0;
  let run = 0;
  for (let i = 0; i <= x.length; i++) {
    if (i < x.length && x[i] === value) run++;
    else {
      if (run >= minRun) total += run;
      run = 0;
    }
  }
  return total;
}

export function measureGate(inp: GateInputs, g: SeniamParams['gate']): GateMeasures {
  const { raw, bp, spans, fs } = inp;
  const n = raw.length;
  let max = -Infinity;
  let min = Infinity;
  let sum = 0;
  let longest = n > 0 ? 1 : 0;
  let run = 1;
  for (let i = 0; i < n; i++) {
    const v = raw[i]!;
    if (v > max) max = v;
    if (v < min) min = v;
    sum += v;
    if (i > 0) {
      run = v === raw[i - 1] ? run + 1 : 1;
      if (run > longest) longest = run;
    }
  }
  const clipped = max === min ? n : runsAt(raw, max, g.clipMinRun) + runsAt(raw, min, g.clipMinRun);
  let on2 = 0;
  let onN = 0;
  for (const s of spans)
    for (let i = s.start; i < s.end; i++) {
      on2 += bp[i]! * bp[i]!;
      onN++;
    }
  let all2 = 0;
  for (let i = 0; i < n; i++) all2 += bp[i]! * bp[i]!;
  const offN = n - onN;
  const off2 = all2 - on2;
  const snrDb = onN > 0 && offN > 0 && off2 > 0 ? 10 * Math.log10(on2 / onN / (off2 / offN)) : null;
  const rmsAll = Math.sqrt(all2 / n);
  return {
    clipFraction: clipped / n,
    longestFlatMs: (longest / fs) * 1000,
    snrDb,
    dcRatio: rmsAll > 0 ? Math.abs(sum / n) / rmsAll : Infinity,
    mainsFraction: inp.mainsFraction,
    contractionsForSlope: inp.contractionsForSlope,
  };
}

export function qualityGate(inp: GateInputs, g: SeniamParams['gate'], minForSlope: number): QualityGate {
  const m = measureGate(inp, g);
  const reasons: GateReason[] = [];
  const add = (
    code: GateReasonCode,
    severity: 'fail' | 'warn',
    message: string,
    value: number | null,
    limit: number,
  ) => reasons.push({ code, severity, message, value, limit });
  if (m.clipFraction > g.clipMaxFraction)
    add(
      'clipping',
      'fail',
      'samples held at the ADC rail (recording extreme)',
      m.clipFraction,
      g.clipMaxFraction,
    );
  if (m.longestFlatMs > g.flatMaxMs)
    add(
      'flat_line',
      'fail',
      'identical consecutive samples: lead off or saturated',
      m.longestFlatMs,
      g.flatMaxMs,
    );
  if (inp.spans.length === 0)
    add('no_contractions', 'fail', 'no contraction rises above the rest noise', 0, 1);
  else if (m.snrDb === null || m.snrDb < g.minSnrDb)
    add('low_snr', 'fail', 'contraction RMS too close to rest RMS (dB)', m.snrDb, g.minSnrDb);
  if (m.dcRatio > g.maxDcRatio)
    add(
      'dc_offset',
      'warn',
      'raw mean larger than the band-passed RMS (removed by the band-pass)',
      m.dcRatio,
      g.maxDcRatio,
    );
  if (m.mainsFraction !== null && m.mainsFraction > g.maxMainsFraction)
    add(
      'mains_interference',
      m.mainsFraction > g.failMainsFraction ? 'fail' : 'warn',
      'share of band power in 50/60 Hz lines',
      m.mainsFraction,
      m.mainsFraction > g.failMainsFraction ? g.failMainsFraction : g.maxMainsFraction,
    );
  if (m.contractionsForSlope < minForSlope)
    add(
      'too_few_contractions',
      'warn',
      'too few contractions with spectra for a fatigue slope',
      m.contractionsForSlope,
      minForSlope,
    );
  return { passed: !reasons.some((r) => r.severity === 'fail'), reasons, measures: m };
}
