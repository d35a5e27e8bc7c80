/**
 * VAX F (DEC) floats in the splits through a DataView: the points of one block, and one analog
 * run. A word read little-endian and rotated by 16 bits has IEEE's layout: sign, 8-bit exponent
 * e, 23-bit fraction f, with the value (0x800000 | f) x 2^(e - 152) for e >= 1 and 0 for e = 0
 * (VAX has no subnormals; a set sign with e = 0 is a reserved operand, read as 0).
 *
 * Tested against: referenceSamples (decode/reference/samples.ts), which decodes each word with
 * codec.ts's decodeVax, bit for bit (samples-vs-reference.spec.ts, including every exponent
 * edge: 0, reserved operands, 1 and 2, 255).
 *
 * Why shaped so: decodeVax goes through a scratch DataView and a branch per word. Here SCALE
 * holds the signed power of two for each sign-and-exponent (the top 9 bits), so a word's value
 * is one integer-to-double conversion and one multiplication, exact in float64. Stored as
 * float32 (points) or passed through Math.fround (analog), it is the word's float32 value
 * exactly as decodeVax gives it: e >= 3 is a normal float32 already, and e = 1..2 rounds to the
 * float32 subnormal that decodeVax's division by 4 gives.
 */
import { putResidual } from './residual.js';
import { type Block } from './samples.js';

const SCALE = new Float64Array(512);
for (let top = 0; top < 512; top++) {
  const e = top & 0xff;
  SCALE[top] = e === 0 ? 0 : (top > 0xff ? -1 : 1) * 2 ** (e - 152);
}

/** Points of one block, from VAX F words. */
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
  const put = putResidual;
  const rs = +resScale;
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
      put(v, (o + PF3) | 0, o, rs, out, masks);
      i = (i + step) | 0;
      o = (o + 1) | 0;
    }
  }
}

/** `n` VAX words from byte `i`, `step` bytes apart, scaled into out[o], out[o + ostep], ... */
export function vaxRun(
  view: DataView,
  i: number,
  step: number,
  n: number,
  out: Float64Array,
  o: number,
  ostep: number,
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
    out[(o + ostep) | 0] = (Math.fround(((r & 0x7fffff) | 0x800000) * T[r >>> 23]!) - off) * k;
    i = (i + step2) | 0;
    o = (o + 2 * ostep) | 0;
  }
  if (s < n) {
    const w = view.getInt32(i, true);
    const r = (w << 16) | (w >>> 16);
    out[o] = (Math.fround(((r & 0x7fffff) | 0x800000) * T[r >>> 23]!) - off) * k;
  }
}
