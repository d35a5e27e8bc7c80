/**
 * The splits through a DataView: points and analog channels of one block from sections that
 * cannot be split in place (big-endian MIPS words, and Intel or DEC words not aligned to their
 * size), read word by word where the split needs them. Word `i` of the section is at byte
 * 4 * i (floats) or 2 * i (integers) of the view. DEC floats go through vax.ts.
 *
 * Tested against: referenceSamples (decode/reference/samples.ts), a per-frame loop over the
 * codec's scalar readers, bit for bit (samples-vs-reference.spec.ts: real files copied to odd
 * offsets, and synthetic MIPS and unaligned sections of every word kind).
 *
 * Why shaped so: V8 compiles a DataView read of the opposite byte order to a load and a byte
 * swap, so reading each word where it is needed costs little, while a conversion pass into a
 * scratch block that the split then reads again costs as much as the split. The loops keep the
 * in-place splits' shape (int32 index arithmetic, invariants in locals, two words an iteration
 * in the analog runs) and one function per word kind, so each stays monomorphic.
 */
import { putResidual } from './residual.js';
import { type Block } from './samples.js';
import { vaxRun } from './vax.js';

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
