// Whole-signal RMS, MAV, MPF, MDF and FInsm5 (computed on the raw signal by ghostly-v1).
import type { SpectralParams } from '../profiles/types.js';
import { stdPopulation } from '../stats/amplitude.js';
import { spectralMetrics } from './spectral-metrics.js';
import { WelchPlan } from './welch.js';

export interface SignalMetrics {
  rms: number;
  mav: number;
  mpf: number | null;
  mdf: number | null;
  fatigueIndexFiNsm5: number | null;
}

/** Running sums of one range: [Σx, Σx², Σ|x|]. */
export type Sums = Float64Array;

/**
 * Σx, Σx² and Σ|x| of x[from..to) into `out`, in one pass: three independent addition
 * chains overlap, where separate rms/mav/std passes each wait on their own chain. Each sum
 * runs in index order, so rms = sqrt(Σx²/n) and mav = Σ|x|/n equal rms() and mav() exactly.
 */
export function rangeSums(x: ArrayLike<number>, from: number, to: number, out: Sums): Sums {
  let s = 0;
  let s2 = 0;
  let sa = 0;
  for (let i = from; i < to; i++) {
    const v = x[i]!;
    s += v;
    s2 += v * v;
    sa += Math.abs(v);
  }
  out[0] = s;
  out[1] = s2;
  out[2] = sa;
  return out;
}

/**
 * PSD of x[from..to) if it qualifies (length and variation limits), else null. `sums` are
 * rangeSums of the same range.
 */
export function psdOrNull(
  x: ArrayLike<number>,
  from: number,
  to: number,
  plan: WelchPlan,
  params: SpectralParams,
  out: Float64Array,
  sums: Sums,
): Float64Array | null {
  if (to - from < params.minSamples || to - from < plan.nperseg) return null;
  if (isFlat(x, from, to, params.minStd, sums)) return null;
  plan.psdInto(x, from, to, out);
  return out;
}

export function signalMetrics(x: ArrayLike<number>, fs: number, params: SpectralParams): SignalMetrics {
  const p = new WelchPlan(fs, Math.max(1, Math.min(params.nperseg, x.length)));
  const n = x.length;
  const sums = rangeSums(x, 0, n, new Float64Array(3));
  const psd = psdOrNull(x, 0, n, p, params, new Float64Array(p.freqs.length), sums);
  const sm = psd ? spectralMetrics(p.freqs, psd) : { mpf: null, mdf: null, fiNsm5: null };
  const rms = n > 0 ? Math.sqrt(sums[1]! / n) : 0;
  const mav = n > 0 ? sums[2]! / n : 0;
  return { rms, mav, mpf: sm.mpf, mdf: sm.mdf, fatigueIndexFiNsm5: sm.fiNsm5 };
}

/**
 * stdPopulation(x[from..to)) < minStd, decided from the one-pass sums when the answer is
 * clear: E[x^2] - mean^2 is off by at most ~n * 1e-16 of E[x^2] (n << 1e6 here), so when it
 * exceeds both 4 * minStd^2 and 1e-6 * E[x^2] the exact std is surely >= minStd. Otherwise
 * (near-flat or offset-dominated signals) the exact two-pass std decides.
 */
function isFlat(x: ArrayLike<number>, from: number, to: number, minStd: number, sums: Sums): boolean {
  const n = to - from;
  const m2 = sums[1]! / n;
  const mean = sums[0]! / n;
  const variance = m2 - mean * mean;
  if (n < 1e6 && variance > 4 * minStd * minStd && variance > 1e-6 * m2) return false;
  return stdPopulation(x, from, to) < minStd;
}
