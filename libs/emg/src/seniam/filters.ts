// seniam-v1 conditioning: zero-phase band-pass, linear envelope, Teager-Kaiser energy operator.
import { butterworthBandpassSos, butterworthSos } from '../filters/butterworth.js';
import { sosfiltfilt } from '../filters/sosfiltfilt.js';
import type { SeniamParams } from '../profiles/types.js';

export interface BandEdges {
  lowHz: number;
  /** min(highHz, maxNyquistFraction x fs / 2): 445.5 Hz at 990 Hz. */
  highHz: number;
}

export function bandEdges(fs: number, p: SeniamParams['bandpass']): BandEdges {
  return { lowHz: p.lowHz, highHz: Math.min(p.highHz, p.maxNyquistFraction * (fs / 2)) };
}

/**
 * Butterworth high-pass then low-pass sections (order each), run forward and backward
 * (sosfiltfilt): zero phase, magnitude squared.
 */
export function bandpass(raw: ArrayLike<number>, fs: number, p: SeniamParams['bandpass']): Float64Array {
  const { lowHz, highHz } = bandEdges(fs, p);
  return sosfiltfilt(butterworthBandpassSos(p.order, lowHz, highHz, fs), raw);
}

/** |x| low-passed zero-phase: the linear envelope (Winter). */
export function linearEnvelope(x: ArrayLike<number>, fs: number, p: SeniamParams['envelope']): Float64Array {
  const rect = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) rect[i] = Math.abs(x[i]!);
  return sosfiltfilt(butterworthSos({ order: p.order, cutoffHz: p.lowpassHz, fs, kind: 'lowpass' }), rect);
}

/** psi[n] = x[n]^2 - x[n-1] x[n+1]; the two end samples copy their neighbour (as NeuroKit2). */
export function tkeo(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  if (n < 3) return out;
  for (let i = 1; i < n - 1; i++) out[i] = x[i]! * x[i]! - x[i - 1]! * x[i + 1]!;
  out[0] = out[1]!;
  out[n - 1] = out[n - 2]!;
  return out;
}
