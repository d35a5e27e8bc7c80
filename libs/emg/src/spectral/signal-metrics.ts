// Whole-signal RMS, MAV, MPF, MDF and FInsm5 (computed on the raw signal by ghostly-v1).
import type { SpectralParams } from '../profiles/types.js';
import { mav, rms, stdPopulation } from '../stats/amplitude.js';
import { spectralMetrics } from './spectral-metrics.js';
import { createWelchPlan, welchInto, type WelchPlan } from './welch.js';

export interface SignalMetrics {
  rms: number;
  mav: number;
  mpf: number | null;
  mdf: number | null;
  fatigueIndexFiNsm5: number | null;
}

/** PSD of x[from..to) if it qualifies (length and variation limits), else null. */
export function psdOrNull(
  x: ArrayLike<number>,
  from: number,
  to: number,
  plan: WelchPlan,
  params: SpectralParams,
  out: Float64Array,
): Float64Array | null {
  if (to - from < params.minSamples || to - from < plan.nperseg) return null;
  if (isFlat(x, from, to, params.minStd)) return null;
  welchInto(x, from, to, plan, out);
  return out;
}

export function signalMetrics(x: ArrayLike<number>, fs: number, params: SpectralParams, plan?: WelchPlan): SignalMetrics {
  const p = plan ?? createWelchPlan(fs, Math.max(1, Math.min(params.nperseg, x.length)));
  const psd = psdOrNull(x, 0, x.length, p, params, new Float64Array(p.freqs.length));
  const sm = psd ? spectralMetrics(p.freqs, psd) : { mpf: null, mdf: null, fiNsm5: null };
  return { rms: rms(x), mav: mav(x), mpf: sm.mpf, mdf: sm.mdf, fatigueIndexFiNsm5: sm.fiNsm5 };
}

/**
 * stdPopulation(x[from..to)) < minStd, decided in one pass when the answer is clear: the
 * one-pass variance E[x^2] - mean^2 is off by at most ~n * 1e-16 of E[x^2] (n << 1e6 here), so
 * when it exceeds both 4 * minStd^2 and 1e-6 * E[x^2] the exact std is surely >= minStd.
 * Otherwise (near-flat or offset-dominated signals) the exact two-pass std decides.
 */
function isFlat(x: ArrayLike<number>, from: number, to: number, minStd: number): boolean {
  const n = to - from;
  let s = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const v = x[i]!;
    s += v;
    s2 += v * v;
  }
  const m2 = s2 / n;
  const mean = s / n;
  const variance = m2 - mean * mean;
  if (n < 1e6 && variance > 4 * minStd * minStd && variance > 1e-6 * m2) return false;
  return stdPopulation(x, from, to) < minStd;
}
