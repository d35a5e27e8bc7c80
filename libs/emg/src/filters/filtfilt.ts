// Zero-phase filtering equal to scipy.signal.filtfilt(b, a, x) with its defaults
// (method 'pad', padtype 'odd', padlen 3*max(len(a), len(b)), lfilter_zi initial state).
// fili's own filtfilt pads nothing and keeps its state between passes, so it differs at the edges.
import { lfilterInPlace, lfilterPairInPlace, normalizeTf } from './lfilter.js';
import { lfilterZi } from './lfilter-zi.js';
import { oddExtensionOf } from './odd-extension.js';
import { SLOT_A, SLOT_C, type Workspace, type WorkSlot } from '../workspace.js';

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
 * rectification), the buffer taken from the workspace's `slot` when there is a workspace. For
 * pipelines that consume the result right away.
 */
export function filtfiltView(
  bIn: ArrayLike<number>,
  aIn: ArrayLike<number>,
  x: ArrayLike<number>,
  options: FiltfiltOptions = {},
  rectifyInput = false,
  ws?: Workspace,
  slot: WorkSlot = SLOT_A,
): Float64Array {
  const { b, a } = normalizeTf(bIn, aIn);
  const padlen = options.padlen ?? 3 * Math.max(aIn.length, bIn.length);
  const work = padlen > 0 && ws ? ws.buffer(slot, x.length + 2 * padlen) : undefined;
  const ext =
    padlen > 0
      ? oddExtensionOf(x, padlen, rectifyInput, work)
      : Float64Array.from(x, rectifyInput ? Math.abs : Number);
  const zi = lfilterZi(b, a);
  const z = new Float64Array(zi.length);
  for (let i = 0; i < zi.length; i++) z[i] = zi[i]! * ext[0]!;
  lfilterInPlace(b, a, ext, z);
  const yLast = ext[ext.length - 1]!;
  for (let i = 0; i < zi.length; i++) z[i] = zi[i]! * yLast;
  lfilterInPlace(b, a, ext, z, true);
  return ext.subarray(padlen, ext.length - padlen);
}

/**
 * filtfiltView of two equal-length signals at once (the two channels of a recording): the
 * same operations per signal as filtfiltView, with the recursions interleaved. `slots` are
 * the workspace slots of the two work buffers.
 */
export function filtfiltViewPair(
  bIn: ArrayLike<number>,
  aIn: ArrayLike<number>,
  x1: ArrayLike<number>,
  x2: ArrayLike<number>,
  rectifyInput: boolean,
  ws?: Workspace,
  slots: readonly [WorkSlot, WorkSlot] = [SLOT_A, SLOT_C],
): [Float64Array, Float64Array] {
  if (x1.length !== x2.length)
    throw new RangeError(`paired signals must have equal lengths, got ${x1.length} and ${x2.length}`);
  const { b, a } = normalizeTf(bIn, aIn);
  const padlen = 3 * Math.max(aIn.length, bIn.length);
  const n = x1.length + 2 * padlen;
  const ext1 = oddExtensionOf(x1, padlen, rectifyInput, ws?.buffer(slots[0], n));
  const ext2 = oddExtensionOf(x2, padlen, rectifyInput, ws?.buffer(slots[1], n));
  const zi = lfilterZi(b, a);
  const z1 = new Float64Array(zi.length);
  const z2 = new Float64Array(zi.length);
  for (let i = 0; i < zi.length; i++) {
    z1[i] = zi[i]! * ext1[0]!;
    z2[i] = zi[i]! * ext2[0]!;
  }
  lfilterPairInPlace(b, a, ext1, z1, ext2, z2);
  const last1 = ext1[ext1.length - 1]!;
  const last2 = ext2[ext2.length - 1]!;
  for (let i = 0; i < zi.length; i++) {
    z1[i] = zi[i]! * last1;
    z2[i] = zi[i]! * last2;
  }
  lfilterPairInPlace(b, a, ext1, z1, ext2, z2, true);
  return [ext1.subarray(padlen, ext1.length - padlen), ext2.subarray(padlen, ext2.length - padlen)];
}
