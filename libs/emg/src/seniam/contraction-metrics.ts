// Metrics of one contraction on the band-passed signal and its linear envelope.
import { welch } from '../spectral/welch.js';
import type { SeniamParams } from '../profiles/types.js';
import { bandSpectrum } from './band-spectrum.js';
import type { BandEdges } from './filters.js';
import type { Span } from './intervals.js';

export interface ContractionMetrics {
  start: number;
  /** First sample after the contraction. */
  end: number;
  /** Mid-time (s) used as the abscissa of fatigue trends. */
  midTimeS: number;
  durationMs: number;
  /** Band-passed signal, V. */
  rms: number;
  mav: number;
  /** Welch PSD of the contraction (nperseg = min(nperseg, length)); null below minSamples. */
  mnf: number | null;
  mdf: number | null;
  fiNsm5: number | null;
  envelopePeak: number;
  envelopeMean: number;
}

export function contractionMetrics(
  bp: ArrayLike<number>,
  env: ArrayLike<number>,
  span: Span,
  fs: number,
  band: BandEdges,
  p: SeniamParams['spectral'],
): ContractionMetrics {
  const { start, end } = span;
  const n = end - start;
  let s2 = 0;
  let s1 = 0;
  let peak = -Infinity;
  let em = 0;
  for (let i = start; i < end; i++) {
    const v = bp[i]!;
    s2 += v * v;
    s1 += Math.abs(v);
    const e = env[i]!;
    em += e;
    if (e > peak) peak = e;
  }
  let spec = null;
  if (n >= p.minSamples) {
    const seg = Float64Array.from({ length: n }, (_, i) => bp[start + i]!);
    const { f, p: psd } = welch(seg, fs, { nperseg: Math.min(p.nperseg, n) });
    spec = bandSpectrum(f, psd, band.lowHz, band.highHz);
  }
  return {
    start,
    end,
    midTimeS: (start + end) / 2 / fs,
    durationMs: (n / fs) * 1000,
    rms: Math.sqrt(s2 / n),
    mav: s1 / n,
    mnf: spec?.mnf ?? null,
    mdf: spec?.mdf ?? null,
    fiNsm5: spec?.fiNsm5 ?? null,
    envelopePeak: peak,
    envelopeMean: em / n,
  };
}
