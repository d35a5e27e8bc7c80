// Temporal statistics over sliding windows of the raw signal (original calculate_temporal_stats),
// with one PSD per window feeding MPF, MDF and FI (the original computes it three times).
import type { SpectralParams, TemporalParams } from './profiles/types.js';
import { describe, type TemporalStat } from './stats/describe.js';
import { psdOrNull, rangeSums } from './spectral/signal-metrics.js';
import { spectralMetrics, spectralWeights } from './spectral/spectral-metrics.js';
import { WelchPlan } from './spectral/welch.js';

export interface TemporalStats {
  rms: TemporalStat;
  mav: TemporalStat;
  mpf: TemporalStat;
  mdf: TemporalStat;
  fatigueIndex: TemporalStat;
}

export function temporalStats(
  x: ArrayLike<number>,
  fs: number,
  params: TemporalParams,
  spectral: SpectralParams,
): TemporalStats {
  const win = Math.trunc((params.windowMs / 1000) * fs);
  const step = Math.max(1, Math.trunc(win * (1 - params.overlapPercent / 100)));
  const nWin = win > 0 && x.length >= win ? Math.floor((x.length - win) / step) + 1 : 0;
  const vals = {
    rms: new Float64Array(nWin),
    mav: new Float64Array(nWin),
    mpf: new Float64Array(nWin),
    mdf: new Float64Array(nWin),
    fi: new Float64Array(nWin),
  };
  const count = { mpf: 0, mdf: 0, fi: 0 };
  const plan = new WelchPlan(fs, Math.max(1, Math.min(spectral.nperseg, win)));
  const buf = new Float64Array(plan.freqs.length);
  const weights = spectralWeights(plan.freqs);
  const sums = new Float64Array(3);
  for (let w = 0; w < nWin; w++) {
    const from = w * step;
    const to = from + win;
    // one pass feeds rms, mav and the flatness guard (same sums, same order as rms()/mav())
    rangeSums(x, from, to, sums);
    vals.rms[w] = Math.sqrt(sums[1]! / win);
    vals.mav[w] = sums[2]! / win;
    const psd = psdOrNull(x, from, to, plan, spectral, buf, sums);
    if (!psd) continue;
    const m = spectralMetrics(plan.freqs, psd, psd.length, weights);
    if (m.mpf !== null) vals.mpf[count.mpf++] = m.mpf;
    if (m.mdf !== null) vals.mdf[count.mdf++] = m.mdf;
    if (m.fiNsm5 !== null) vals.fi[count.fi++] = m.fiNsm5;
  }
  const k = params.minWindows;
  return {
    rms: describe(vals.rms, nWin, k),
    mav: describe(vals.mav, nWin, k),
    mpf: describe(vals.mpf, count.mpf, k),
    mdf: describe(vals.mdf, count.mdf, k),
    fatigueIndex: describe(vals.fi, count.fi, k),
  };
}
