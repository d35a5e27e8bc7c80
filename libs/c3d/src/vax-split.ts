/**
 * DEC float sections split straight from the file's words: each VAX F word is turned into its
 * value where the split loop reads it (through a DataView: any alignment, any host), instead of
 * a conversion pass into a scratch block that the split then read again (that pass cost as much
 * as the split itself).
 *
 * A VAX F word, read little-endian and rotated by 16 bits, has IEEE's layout: sign, 8-bit
 * exponent e, 23-bit fraction f, with the value (0x800000 | f) x 2^(e - 152) for e >= 1 and 0
 * for e = 0 (VAX has no subnormals; a set sign with e = 0 is a reserved operand, read as 0).
 * The table holds the signed power of two for each sign-and-exponent (the top 9 bits), so a
 * word's value is one integer-to-double conversion and one multiplication, exact in float64.
 * Stored as float32 (points) or passed through Math.fround (analog), it is the word's float32
 * value, exactly as decodeVax gives it: e >= 3 is a normal float32 already, and e = 1..2 rounds
 * to the float32 subnormal that decodeVax's division by 4 gives.
 */
import { putResidual } from './residual.js';
import { type Block } from './samples.js';

const SCALE = new Float64Array(512);
for (let top = 0; top < 512; top++) {
  const e = top & 0xff;
  SCALE[top] = e === 0 ? 0 : (top > 0xff ? -1 : 1) * 2 ** (e - 152);
}

/** Points of one block; word `i` of the section is at byte 4 * i of `view`, little-endian. */
export function pointsFromVax(
  view: DataView,
  b: Block,
  resScale: number,
  out: Float32Array,
  masks: Uint8Array,
): void {
  const { P, F, wpf, f0, f1 } = b;
  const T = SCALE;
  const PF = P * F;
  const PF2 = 2 * PF;
  const PF3 = 3 * PF;
  const step = 4 * wpf;
  for (let p = 0; p < P; p++) {
    let i = (4 * (b.base + p * 4)) | 0;
    let o = (p * F + f0) | 0;
    for (let f = f0; f < f1; f = (f + 1) | 0) {
      let w = view.getInt32(i, true);
      let r = (w << 16) | (w >>> 16);
      out[o] = ((r & 0x7fffff) | 0x800000) * T[r >>> 23]!;
      w = view.getInt32((i + 4) | 0, true);
      r = (w << 16) | (w >>> 16);
      out[(o + PF) | 0] = ((r & 0x7fffff) | 0x800000) * T[r >>> 23]!;
      w = view.getInt32((i + 8) | 0, true);
      r = (w << 16) | (w >>> 16);
      out[(o + PF2) | 0] = ((r & 0x7fffff) | 0x800000) * T[r >>> 23]!;
      w = view.getInt32((i + 12) | 0, true);
      r = (w << 16) | (w >>> 16);
      const v = ((r & 0x7fffff) | 0x800000) * T[r >>> 23]!;
      putResidual(v, (o + PF3) | 0, o, resScale, out, masks);
      i = (i + step) | 0;
      o = (o + 1) | 0;
    }
  }
}

/** Analog channels of one block, scaled as analogFromFloats does. */
export function analogFromVax(
  view: DataView,
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
    if (S === 1) vaxRun(view, first + 4 * c, 4 * wpf, f1 - f0, out, o, off, k);
    else
      for (let f = f0, at = first + 4 * c, to = o; f < f1; f++, at += 4 * wpf, to += S)
        vaxRun(view, at, 4 * C, S, out, to, off, k);
  }
}

/** `n` words from byte `i`, `step` bytes apart, scaled into out[o..o + n). */
function vaxRun(
  view: DataView,
  i: number,
  step: number,
  n: number,
  out: Float64Array,
  o: number,
  off: number,
  k: number,
): void {
  const T = SCALE;
  const step2 = 2 * step;
  let s = 0;
  for (; s + 1 < n; s = (s + 2) | 0) {
    let w = view.getInt32(i, true);
    let r = (w << 16) | (w >>> 16);
    out[o] = (Math.fround(((r & 0x7fffff) | 0x800000) * T[r >>> 23]!) - off) * k;
    w = view.getInt32((i + step) | 0, true);
    r = (w << 16) | (w >>> 16);
    out[(o + 1) | 0] = (Math.fround(((r & 0x7fffff) | 0x800000) * T[r >>> 23]!) - off) * k;
    i = (i + step2) | 0;
    o = (o + 2) | 0;
  }
  if (s < n) {
    const w = view.getInt32(i, true);
    const r = (w << 16) | (w >>> 16);
    out[o] = (Math.fround(((r & 0x7fffff) | 0x800000) * T[r >>> 23]!) - off) * k;
  }
}
