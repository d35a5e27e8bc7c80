/**
 * The in-place splits: points and analog channels of one block, read straight from typed-array
 * views of the file's bytes (Intel floats, and little-endian Intel and DEC integers, on a
 * little-endian host, aligned to their word size).
 *
 * Tested against: referenceSamples (decode/reference/samples.ts), which reads every word
 * through a DataView with the codec, bit for bit over the real files and synthetic sections
 * (samples-vs-reference.spec.ts).
 *
 * Why shaped so: index arithmetic stays in int32 (`| 0`: a plain add, where `i + C` on a small
 * integer carries an overflow check and a deoptimisation exit), and the analog runs are
 * unrolled four words an iteration, as V8 re-checks each typed array's map, length and base
 * once per loop iteration. The point loops take their invariants into locals first: an
 * imported function (the residual helper) is otherwise re-read through its module cell and
 * checked every iteration, and a number parameter re-checked (small integer or heap number) at
 * each use. One function per word type keeps every loop monomorphic.
 */
import { type NumberCodec } from '../codec.js';
import { putResidual } from './residual.js';
import { type Block } from './samples.js';

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The section's floats in place, or undefined if they need decoding (other byte order, unaligned). */
export function directFloats(
  bytes: Uint8Array,
  start: number,
  count: number,
  codec: NumberCodec,
): Float32Array | undefined {
  const offset = bytes.byteOffset + start;
  if (codec.processor !== 'intel' || !HOST_LITTLE || offset % 4 !== 0) return undefined;
  return new Float32Array(bytes.buffer, offset, count);
}

/** The section's 16-bit words in place, or undefined if they need decoding. */
export function directInts(
  bytes: Uint8Array,
  start: number,
  count: number,
  codec: NumberCodec,
): Int16Array | undefined {
  const offset = bytes.byteOffset + start;
  if (!codec.littleEndian || !HOST_LITTLE || offset % 2 !== 0) return undefined;
  return new Int16Array(bytes.buffer, offset, count);
}

export function pointsFromFloats(
  raw: Float32Array,
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
  for (let p = 0; p < P; p++) {
    let i = (b.base + p * 4) | 0;
    let o = (p * F + f0) | 0;
    for (let f = f0; f < f1; f = (f + 1) | 0) {
      out[o] = raw[i]!;
      out[(o + PF) | 0] = raw[(i + 1) | 0]!;
      out[(o + PF2) | 0] = raw[(i + 2) | 0]!;
      const w = raw[(i + 3) | 0]!;
      put(w, (o + PF3) | 0, o, rs, out, masks);
      i = (i + wpf) | 0;
      o = (o + 1) | 0;
    }
  }
}

export function pointsFromInts(
  raw: Int16Array,
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
  for (let p = 0; p < P; p++) {
    let i = (b.base + p * 4) | 0;
    let o = (p * F + f0) | 0;
    for (let f = f0; f < f1; f = (f + 1) | 0) {
      out[o] = raw[i]! * k;
      out[(o + PF) | 0] = raw[(i + 1) | 0]! * k;
      out[(o + PF2) | 0] = raw[(i + 2) | 0]! * k;
      const w = raw[(i + 3) | 0]!;
      put(w, (o + PF3) | 0, o, rs, out, masks);
      i = (i + wpf) | 0;
      o = (o + 1) | 0;
    }
  }
}

// Analog: channel c's samples are at c * F * S in the shared backing array. Within a block each
// channel writes (f1 - f0) x S samples in order: one run over the block's frames (wpf words
// apart) when a frame holds one sample, else a run of S samples (C words apart) per frame.
// (Runs over each sample slot's frames, as through-view.ts makes them, were slower here for
// GHOSTLY's 30 samples per frame: every write was 240 bytes from the last.)

export function analogFromFloats(
  raw: Float32Array,
  b: Block,
  offset: Float64Array,
  factor: Float64Array,
  out: Float64Array,
): void {
  const { P, C, S, F, wpf, f0, f1 } = b;
  const first = b.base + P * 4;
  for (let c = 0; c < C; c++) {
    const off = offset[c]!;
    const k = factor[c]!;
    const o = (c * F + f0) * S;
    if (S === 1) floatRun(raw, first + c, wpf, f1 - f0, out, o, off, k);
    else
      for (let f = f0, i = first + c, at = o; f < f1; f++, i += wpf, at += S)
        floatRun(raw, i, C, S, out, at, off, k);
  }
}

/** `n` words from index `i`, `step` apart, scaled into out[o..o + n). */
function floatRun(
  raw: Float32Array,
  i: number,
  step: number,
  n: number,
  out: Float64Array,
  o: number,
  off: number,
  k: number,
): void {
  let r = 0;
  for (; r + 3 < n; r = (r + 4) | 0) {
    out[o] = (raw[i]! - off) * k;
    out[(o + 1) | 0] = (raw[(i + step) | 0]! - off) * k;
    out[(o + 2) | 0] = (raw[(i + 2 * step) | 0]! - off) * k;
    out[(o + 3) | 0] = (raw[(i + 3 * step) | 0]! - off) * k;
    i = (i + 4 * step) | 0;
    o = (o + 4) | 0;
  }
  for (; r < n; r = (r + 1) | 0, i = (i + step) | 0, o = (o + 1) | 0) out[o] = (raw[i]! - off) * k;
}

export function analogFromInts(
  raw: Int16Array,
  b: Block,
  mask: number,
  offset: Float64Array,
  factor: Float64Array,
  out: Float64Array,
): void {
  const { P, C, S, F, wpf, f0, f1 } = b;
  const first = b.base + P * 4;
  for (let c = 0; c < C; c++) {
    const off = offset[c]!;
    const k = factor[c]!;
    const o = (c * F + f0) * S;
    if (S === 1) intRun(raw, mask, first + c, wpf, f1 - f0, out, o, off, k);
    else
      for (let f = f0, i = first + c, at = o; f < f1; f++, i += wpf, at += S)
        intRun(raw, mask, i, C, S, out, at, off, k);
  }
}

/** floatRun for 16-bit words, masked first (UNSIGNED files). */
function intRun(
  raw: Int16Array,
  mask: number,
  i: number,
  step: number,
  n: number,
  out: Float64Array,
  o: number,
  off: number,
  k: number,
): void {
  let r = 0;
  for (; r + 3 < n; r = (r + 4) | 0) {
    out[o] = ((raw[i]! & mask) - off) * k;
    out[(o + 1) | 0] = ((raw[(i + step) | 0]! & mask) - off) * k;
    out[(o + 2) | 0] = ((raw[(i + 2 * step) | 0]! & mask) - off) * k;
    out[(o + 3) | 0] = ((raw[(i + 3 * step) | 0]! & mask) - off) * k;
    i = (i + 4 * step) | 0;
    o = (o + 4) | 0;
  }
  for (; r < n; r = (r + 1) | 0, i = (i + step) | 0, o = (o + 1) | 0) out[o] = ((raw[i]! & mask) - off) * k;
}
