// Per-channel contraction summary (original analyze_contractions, summary part).
import type { Contraction } from './types.js';

export interface ContractionSummary {
  contractionCount: number;
  goodContractionCount: number;
  mvcCompliantCount: number;
  durationCompliantCount: number;
  avgDurationMs: number;
  minDurationMs: number;
  maxDurationMs: number;
  totalTimeUnderTensionMs: number;
  /** Mean of the per-contraction mean amplitudes. */
  avgAmplitude: number;
  /** Max of the per-contraction maxima. */
  maxAmplitude: number;
  /** good / count as a fraction (0 without contractions). */
  complianceRate: number;
}

export function summarizeContractions(cs: readonly Contraction[]): ContractionSummary {
  const n = cs.length;
  let tut = 0;
  let minD = Infinity;
  let maxD = -Infinity;
  let ampSum = 0;
  let maxAmp = -Infinity;
  let good = 0;
  let mvc = 0;
  let dur = 0;
  for (const c of cs) {
    tut += c.durationMs;
    minD = Math.min(minD, c.durationMs);
    maxD = Math.max(maxD, c.durationMs);
    ampSum += c.meanAmplitude;
    maxAmp = Math.max(maxAmp, c.maxAmplitude);
    if (c.isGood) good++;
    if (c.meetsMvc) mvc++;
    if (c.meetsDuration) dur++;
  }
  return {
    contractionCount: n,
    goodContractionCount: good,
    mvcCompliantCount: mvc,
    durationCompliantCount: dur,
    avgDurationMs: n ? tut / n : 0,
    minDurationMs: n ? minD : 0,
    maxDurationMs: n ? maxD : 0,
    totalTimeUnderTensionMs: n ? tut : 0,
    avgAmplitude: n ? ampSum / n : 0,
    maxAmplitude: n ? maxAmp : 0,
    complianceRate: n ? good / n : 0,
  };
}
