/**
 * IEEE float sections that cannot be used in place (big-endian MIPS words, or a section not
 * 4-byte aligned), split straight from the file through a DataView: V8 compiles an
 * opposite-order getFloat32 to a load and a byte swap, so reading each word where the split
 * needs it costs less than a byte-swapping pass into a scratch block that the split then
 * reads again. Same loops, same results as pointsFromFloats / analogFromFloats (samples.ts).
 */
import { putResidual } from './residual.js';
import { type Block } from './samples.js';

/** Points of one block; word `i` of the section is at byte 4 * i of `view`. */
export function pointsFromView(
  view: DataView,
  little: boolean,
  b: Block,
  resScale: number,
  out: Float32Array,
  masks: Uint8Array,
): void {
  const { P, F, wpf, f0, f1 } = b;
  const PF = P * F;
  const PF2 = 2 * PF;
  const PF3 = 3 * PF;
  const step = 4 * wpf;
  for (let p = 0; p < P; p++) {
    let at = (4 * (b.base + p * 4)) | 0;
    let o = (p * F + f0) | 0;
    for (let f = f0; f < f1; f = (f + 1) | 0) {
      out[o] = view.getFloat32(at, little);
      out[(o + PF) | 0] = view.getFloat32((at + 4) | 0, little);
      out[(o + PF2) | 0] = view.getFloat32((at + 8) | 0, little);
      const w = view.getFloat32((at + 12) | 0, little);
      putResidual(w, (o + PF3) | 0, o, resScale, out, masks);
      at = (at + step) | 0;
      o = (o + 1) | 0;
    }
  }
}

/** Analog channels of one block, scaled as analogFromFloats does. */
export function analogFromView(
  view: DataView,
  little: boolean,
  b: Block,
  offset: Float64Array,
  factor: Float64Array,
  out: Float64Array,
): void {
  const { P, C, S, F, wpf, f0, f1 } = b;
  const first = 4 * (b.base + P * 4);
  for (let c = 0; c < C; c++) {
    const off = offset[c]!;
    const k = factor[c]!;
    const o = (c * F + f0) * S;
    // one sample per frame: one run over the block's frames; otherwise a run per frame
    if (S === 1) viewRun(view, little, first + 4 * c, 4 * wpf, f1 - f0, out, o, off, k);
    else
      for (let f = f0, at = first + 4 * c, to = o; f < f1; f++, at += 4 * wpf, to += S)
        viewRun(view, little, at, 4 * C, S, out, to, off, k);
  }
}

/** `n` floats from byte `at`, `step` bytes apart, scaled into out[o..o + n). */
function viewRun(
  view: DataView,
  little: boolean,
  at: number,
  step: number,
  n: number,
  out: Float64Array,
  o: number,
  off: number,
  k: number,
): void {
  const step2 = 2 * step;
  let s = 0;
  for (; s + 1 < n; s = (s + 2) | 0) {
    out[o] = (view.getFloat32(at, little) - off) * k;
    out[(o + 1) | 0] = (view.getFloat32((at + step) | 0, little) - off) * k;
    at = (at + step2) | 0;
    o = (o + 2) | 0;
  }
  if (s < n) out[o] = (view.getFloat32(at, little) - off) * k;
}
