// Butterworth designs. Sections come from fili (its low/high-pass biquads equal SciPy's
// butter poles); the transfer-function form (b, a) that filtfilt needs is the product of
// those sections, which is what scipy.signal.butter(..., output='ba') returns.
import Fili from 'fili';

export type ButterworthKind = 'lowpass' | 'highpass';

/** One biquad: b = [b0, b1, b2], a = [1, a1, a2]. */
export interface Biquad {
  readonly b: readonly [number, number, number];
  readonly a: readonly [number, number, number];
}

export interface TransferFunction {
  readonly b: Float64Array;
  readonly a: Float64Array;
}

export interface ButterworthOptions {
  /** Filter order (number of poles). Even orders only: fili designs biquads. */
  order: number;
  /** Cut-off frequency in Hz (-3 dB point, as scipy.signal.butter). */
  cutoffHz: number;
  /** Sampling rate in Hz. */
  fs: number;
  kind: ButterworthKind;
}

const cascades = new Fili.CalcCascades();

function checkOptions({ order, cutoffHz, fs }: ButterworthOptions): void {
  if (!Number.isInteger(order) || order < 2 || order % 2 !== 0 || order > 24) {
    throw new RangeError(`Butterworth order must be an even integer in [2, 24], got ${order}`);
  }
  if (!(cutoffHz > 0 && cutoffHz < fs / 2)) {
    throw new RangeError(`cut-off ${cutoffHz} Hz must lie in (0, fs/2 = ${fs / 2})`);
  }
}

/** Second-order sections of a Butterworth low- or high-pass (fili design). */
export function butterworthSos(options: ButterworthOptions): Biquad[] {
  checkOptions(options);
  const params = {
    order: options.order / 2,
    characteristic: 'butterworth',
    Fs: options.fs,
    Fc: options.cutoffHz,
  };
  const sections = options.kind === 'lowpass' ? cascades.lowpass(params) : cascades.highpass(params);
  return sections.map((s) => ({
    b: [s.b[0]! * s.k, s.b[1]! * s.k, s.b[2]! * s.k],
    a: [1, s.a[0]!, s.a[1]!],
  }));
}

/** Multiplies polynomials given in descending powers. */
function polyMul(p: Float64Array, q: readonly number[]): Float64Array {
  const out = new Float64Array(p.length + q.length - 1);
  for (let i = 0; i < p.length; i++) {
    for (let j = 0; j < q.length; j++) out[i + j]! += p[i]! * q[j]!;
  }
  return out;
}

/** Transfer function of cascaded sections (product of numerators and denominators). */
export function sosToTf(sos: readonly Biquad[]): TransferFunction {
  let b: Float64Array = Float64Array.of(1);
  let a: Float64Array = Float64Array.of(1);
  for (const s of sos) {
    b = polyMul(b, s.b);
    a = polyMul(a, s.a);
  }
  return { b, a };
}

/** Butterworth low/high-pass in transfer-function form, as scipy.signal.butter(output='ba'). */
export function butterworth(options: ButterworthOptions): TransferFunction {
  return sosToTf(butterworthSos(options));
}

/**
 * Band-pass as a high-pass followed by a low-pass, each of `order` (fili's own band-pass
 * is not a Butterworth band-pass). Use with sosfiltfilt.
 */
export function butterworthBandpassSos(order: number, lowHz: number, highHz: number, fs: number): Biquad[] {
  if (!(lowHz < highHz)) throw new RangeError(`band-pass needs low < high, got ${lowHz} >= ${highHz}`);
  return [
    ...butterworthSos({ order, cutoffHz: lowHz, fs, kind: 'highpass' }),
    ...butterworthSos({ order, cutoffHz: highHz, fs, kind: 'lowpass' }),
  ];
}
