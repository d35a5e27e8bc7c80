/**
 * Sections that cannot be split in place, read word by word where the split needs them through
 * a DataView (any alignment, any host): big-endian MIPS words (V8 compiles an opposite-order
 * getFloat32 or getInt16 to a load and a byte swap), DEC VAX F words, and Intel words not
 * aligned. A conversion pass into a scratch block that the split then read again cost as much
 * as the split itself. Same loops, same results as the in-place splits of samples.ts; word `i`
 * of the section is at byte 4 * i (floats) or 2 * i (integers) of the view.
 *
 * VAX F: a word read little-endian and rotated by 16 bits has IEEE's layout: sign, 8-bit
 * exponent e, 23-bit fraction f, with the value (0x800000 | f) x 2^(e - 152) for e >= 1 and 0
 * for e = 0 (VAX has no subnormals; a set sign with e = 0 is a reserved operand, read as 0).
 * SCALE holds the signed power of two for each sign-and-exponent (the top 9 bits), so a word's
 * value is one integer-to-double conversion and one multiplication, exact in float64. Stored
 * as float32 (points) or passed through Math.fround (analog), it is the word's float32 value
 * exactly as decodeVax gives it: e >= 3 is a normal float32 already, and e = 1..2 rounds to the
 * float32 subnormal that decodeVax's division by 4 gives.
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
  const put = putResidual;
  const rs = +resScale;
  const step = 4 * wpf;
  for (let p = 0; p < P; p++) {
    let at = (4 * (b.base + p * 4)) | 0;
    let o = (p * F + f0) | 0;
    for (let f = f0; f < f1; f = (f + 1) | 0) {
      out[o] = view.getFloat32(at, little);
      out[(o + PF) | 0] = view.getFloat32((at + 4) | 0, little);
      out[(o + PF2) | 0] = view.getFloat32((at + 8) | 0, little);
      const w = view.getFloat32((at + 12) | 0, little);
      put(w, (o + PF3) | 0, o, rs, out, masks);
      at = (at + step) | 0;
      o = (o + 1) | 0;
    }
  }
}

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

/** How the words of a section read: IEEE float32, VAX F float, or 16-bit integer. */
export type WordKind = 'ieee' | 'vax' | 'int16';

/** Analog channels of one block, scaled as the in-place splits do (`mask`: integer words only). */
export function analogFromView(
  view: DataView,
  kind: WordKind,
  little: boolean,
  mask: number,
  b: Block,
  offset: Float64Array,
  factor: Float64Array,
  out: Float64Array,
): void {
  const { P, C, S, F, wpf, f0, f1 } = b;
  const size = kind === 'int16' ? 2 : 4;
  const first = size * (b.base + P * 4);
  // one run per channel and sample slot, over the block's frames (a frame apart), into every
  // S-th output sample
  const length = f1 - f0;
  const step = size * wpf;
  for (let c = 0; c < C; c++) {
    const off = offset[c]!;
    const k = factor[c]!;
    for (let s = 0, at = first + size * c, to = (c * F + f0) * S; s < S; s++, at += size * C, to++) {
      if (kind === 'vax') vaxRun(view, at, step, length, out, to, S, off, k);
      else if (kind === 'ieee') viewRun(view, little, at, step, length, out, to, S, off, k);
      else intRun(view, little, mask, at, step, length, out, to, S, off, k);
    }
  }
}

/** `n` floats from byte `at`, `step` bytes apart, scaled into out[o], out[o + ostep], ... */
function viewRun(
  view: DataView,
  little: boolean,
  at: number,
  step: number,
  n: number,
  out: Float64Array,
  o: number,
  ostep: number,
  off: number,
  k: number,
): void {
  const step2 = 2 * step;
  let s = 0;
  for (; s + 1 < n; s = (s + 2) | 0) {
    out[o] = (view.getFloat32(at, little) - off) * k;
    out[(o + ostep) | 0] = (view.getFloat32((at + step) | 0, little) - off) * k;
    at = (at + step2) | 0;
    o = (o + 2 * ostep) | 0;
  }
  if (s < n) out[o] = (view.getFloat32(at, little) - off) * k;
}

/** `n` VAX words from byte `i`, `step` bytes apart, scaled into out[o], out[o + ostep], ... */
function vaxRun(
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

/** Points of one block, from 16-bit integer words (scaled by POINT:SCALE). */
export function pointsFromIntView(
  view: DataView,
  little: boolean,
  b: Block,
  scale: number,
  out: Float32Array,
  masks: Uint8Array,
): void {
  const { P, F, wpf, f0, f1 } = b;
  const PF = P * F;
  const PF2 = 2 * PF;
  const PF3 = 3 * PF;
  const put = putResidual;
  const rs = Math.abs(scale);
  const k = +scale;
  const step = 2 * wpf;
  for (let p = 0; p < P; p++) {
    let at = (2 * (b.base + p * 4)) | 0;
    let o = (p * F + f0) | 0;
    for (let f = f0; f < f1; f = (f + 1) | 0) {
      out[o] = view.getInt16(at, little) * k;
      out[(o + PF) | 0] = view.getInt16((at + 2) | 0, little) * k;
      out[(o + PF2) | 0] = view.getInt16((at + 4) | 0, little) * k;
      put(view.getInt16((at + 6) | 0, little), (o + PF3) | 0, o, rs, out, masks);
      at = (at + step) | 0;
      o = (o + 1) | 0;
    }
  }
}

/** `n` 16-bit words from byte `at`, `step` bytes apart, masked and scaled into out[o], out[o + ostep], ... */
function intRun(
  view: DataView,
  little: boolean,
  mask: number,
  at: number,
  step: number,
  n: number,
  out: Float64Array,
  o: number,
  ostep: number,
  off: number,
  k: number,
): void {
  const step2 = 2 * step;
  let s = 0;
  for (; s + 1 < n; s = (s + 2) | 0) {
    out[o] = ((view.getInt16(at, little) & mask) - off) * k;
    out[(o + ostep) | 0] = ((view.getInt16((at + step) | 0, little) & mask) - off) * k;
    at = (at + step2) | 0;
    o = (o + 2 * ostep) | 0;
  }
  if (s < n) out[o] = ((view.getInt16(at, little) & mask) - off) * k;
}
