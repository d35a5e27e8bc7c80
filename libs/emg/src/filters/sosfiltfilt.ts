// Zero-phase filtering with second-order sections, equal to scipy.signal.sosfiltfilt defaults
// (padtype 'odd', padlen 3*(2*n_sections + 1 - trailing-zero correction), sosfilt_zi state).
import type { Biquad } from './butterworth.js';
import { lfilterZi } from './lfilter-zi.js';
import { oddExtension } from './odd-extension.js';

/** Initial state per section for a unit step, as scipy.signal.sosfilt_zi. */
export function sosfiltZi(sos: readonly Biquad[]): Float64Array[] {
  let scale = 1;
  return sos.map((s) => {
    const zi = lfilterZi(s.b, s.a);
    for (let i = 0; i < zi.length; i++) zi[i]! *= scale;
    scale *= (s.b[0] + s.b[1] + s.b[2]) / (s.a[0] + s.a[1] + s.a[2]);
    return zi;
  });
}

function defaultPadlen(sos: readonly Biquad[]): number {
  // SciPy shortens the pad when every section has a trailing zero coefficient.
  const zb = sos.filter((s) => s.b[2] === 0).length;
  const za = sos.filter((s) => s.a[2] === 0).length;
  return 3 * (2 * sos.length + 1 - Math.min(zb, za));
}

/**
 * One biquad in direct form II transposed, in place: the operations of lfilterInPlace for
 * order 2, in the same order (bit-identical), without its general-order inner loop.
 */
function biquadInPlace(s: Biquad, x: Float64Array, z0: number, z1: number, reverse: boolean): void {
  const a0 = s.a[0];
  const b0 = s.b[0] / a0;
  const b1 = s.b[1] / a0;
  const b2 = s.b[2] / a0;
  const a1 = s.a[1] / a0;
  const a2 = s.a[2] / a0;
  const n = x.length;
  for (let t = 0; t < n; t++) {
    const i = reverse ? n - 1 - t : t;
    const xi = x[i]!;
    const yi = b0 * xi + z0;
    z0 = b1 * xi + z1 - a1 * yi;
    z1 = b2 * xi - a2 * yi;
    x[i] = yi;
  }
}

function runSections(
  sos: readonly Biquad[],
  zi: Float64Array[],
  x: Float64Array,
  x0: number,
  reverse: boolean,
): void {
  sos.forEach((s, k) => biquadInPlace(s, x, zi[k]![0]! * x0, zi[k]![1]! * x0, reverse));
}

export function sosfiltfilt(
  sos: readonly Biquad[],
  x: ArrayLike<number>,
  options: { padlen?: number } = {},
): Float64Array {
  const padlen = options.padlen ?? defaultPadlen(sos);
  const ext = padlen > 0 ? oddExtension(x, padlen) : Float64Array.from(x);
  const zi = sosfiltZi(sos);
  runSections(sos, zi, ext, ext[0]!, false);
  runSections(sos, zi, ext, ext[ext.length - 1]!, true);
  return ext.slice(padlen, ext.length - padlen);
}
