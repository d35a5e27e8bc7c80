// Zero-phase filtering equal to scipy.signal.filtfilt(b, a, x) with its defaults
// (method 'pad', padtype 'odd', padlen 3*max(len(a), len(b)), lfilter_zi initial state).
// fili's own filtfilt pads nothing and keeps its state between passes, so it differs at the edges.
import { lfilterInPlace, normalizeTf } from './lfilter.js';
import { lfilterZi } from './lfilter-zi.js';
import { oddExtensionOf } from './odd-extension.js';
import { scratch } from '../scratch.js';

export interface FiltfiltOptions {
  /** Samples of odd extension each side. Default 3 * max(len(a), len(b)). */
  padlen?: number;
}

export function filtfilt(
  bIn: ArrayLike<number>,
  aIn: ArrayLike<number>,
  x: ArrayLike<number>,
  options: FiltfiltOptions = {},
): Float64Array {
  return filtfiltView(bIn, aIn, x, options).slice();
}

/**
 * filtfilt as a view into the padded work buffer (no final copy), optionally of |x| (fused
 * rectification) and with a caller-provided work buffer `slot` (see scratch.ts). For pipelines
 * that consume the result right away.
 */
export function filtfiltView(
  bIn: ArrayLike<number>,
  aIn: ArrayLike<number>,
  x: ArrayLike<number>,
  options: FiltfiltOptions = {},
  rectifyInput = false,
  slot?: number,
): Float64Array {
  const { b, a } = normalizeTf(bIn, aIn);
  const padlen = options.padlen ?? 3 * Math.max(aIn.length, bIn.length);
  const work = padlen > 0 && slot !== undefined ? scratch(slot, x.length + 2 * padlen) : undefined;
  const ext = padlen > 0 ? oddExtensionOf(x, padlen, rectifyInput, work) : Float64Array.from(x, rectifyInput ? Math.abs : Number);
  const zi = lfilterZi(b, a);
  const z = new Float64Array(zi.length);
  for (let i = 0; i < zi.length; i++) z[i] = zi[i]! * ext[0]!;
  lfilterInPlace(b, a, ext, z);
  const yLast = ext[ext.length - 1]!;
  for (let i = 0; i < zi.length; i++) z[i] = zi[i]! * yLast;
  lfilterInPlace(b, a, ext, z, true);
  return ext.subarray(padlen, ext.length - padlen);
}
