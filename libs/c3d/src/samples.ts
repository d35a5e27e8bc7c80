/**
 * De-interleaving of the data section into per-point and per-channel typed arrays.
 * Each frame holds P x (x, y, z, residual word) then S x C analog samples (sample-major).
 *
 * The section is walked in blocks of whole frames (64 KB of words): each block is decoded into
 * a small scratch buffer where its byte order or float format needs it, then every point and
 * channel takes its run of that block while it is in cache. Walking the whole section once per
 * point or channel streamed it from memory P + C times; walking it frame by frame wrote to
 * 4P + C output streams at once (128 channels x 1 sample: a store to a different page every
 * word). Loops are split by word type so each stays monomorphic, and write to the backing
 * arrays directly instead of through arrays of views.
 */
import { type NumberCodec } from './codec.js';
import { type Layout } from './layout.js';
import { decodeFloats, decodeInts, directFloats, directInts } from './raw.js';

export interface PointArrays {
  x: Float32Array[];
  y: Float32Array[];
  z: Float32Array[];
  residual: Float32Array[];
  camera: Uint8Array[];
}

export interface AnalogScaling {
  /** Per-channel offset and multiplier (scale x gen_scale). */
  offset: Float64Array;
  factor: Float64Array;
  unsigned: boolean;
}

/**
 * Words per block (64 KB, L2-resident). Measured on the corpus: 1K-4K words were up to 25 %
 * slower for many-channel files (shorter runs per channel), the whole section at once slower
 * for DEC files.
 */
const BLOCK_WORDS = 16384;

/**
 * The block scratch buffer, kept between reads when it is block-sized (one 64 KB buffer for the
 * process; a fresh one per read cost ~20 % of a DEC read's median, through allocation and GC).
 * Reads are synchronous, so one buffer serves every caller. A frame wider than a block gets a
 * buffer of its own, bounded by the file size, that is not kept.
 */
let sharedScratch: ArrayBuffer | undefined;

function scratchBuffer(bytes: number): ArrayBuffer {
  if (bytes > BLOCK_WORDS * 4) return new ArrayBuffer(bytes);
  sharedScratch ??= new ArrayBuffer(BLOCK_WORDS * 4);
  return sharedScratch;
}

interface PointBacking {
  arrays: PointArrays;
  /** x of all points, then y, z, residual: point p's x at p * frames. */
  floats: Float32Array;
  masks: Uint8Array;
}

/**
 * Per-point arrays as views of two backing buffers: one allocation for all coordinates and
 * residuals, one for the camera masks, instead of five per point (a file with 205 points made
 * 1025 small buffers per read, costing more than decoding their samples). The views are made
 * with the typed-array constructors in plain loops: subarray() inside Array.from cost ~5x as
 * much per view, 0.1-0.2 ms for such a file.
 */
function pointBacking(count: number, frames: number): PointBacking {
  const floats = new Float32Array(4 * count * frames);
  const masks = new Uint8Array(count * frames);
  const coords = floatViews(floats, 4 * count, frames);
  const camera = new Array<Uint8Array>(count);
  for (let p = 0; p < count; p++) camera[p] = new Uint8Array(masks.buffer, p * frames, frames);
  const arrays = {
    x: coords.slice(0, count),
    y: coords.slice(count, 2 * count),
    z: coords.slice(2 * count, 3 * count),
    residual: coords.slice(3 * count),
    camera,
  };
  return { arrays, floats, masks };
}

function floatViews(backing: Float32Array, count: number, length: number): Float32Array[] {
  const out = new Array<Float32Array>(count);
  for (let k = 0; k < count; k++) out[k] = new Float32Array(backing.buffer, k * length * 4, length);
  return out;
}

/** `count` consecutive views of `length` samples each over one new backing array. */
export function channelViews(
  count: number,
  length: number,
): { backing: Float64Array; views: Float64Array[] } {
  const backing = new Float64Array(count * length);
  const views = new Array<Float64Array>(count);
  for (let c = 0; c < count; c++) views[c] = new Float64Array(backing.buffer, c * length * 8, length);
  return { backing, views };
}

/**
 * The header-only path's empty point arrays: every point shares one empty array per field
 * (nothing can be written to a zero-length array; 200 points made 1000 views for nothing).
 */
export function emptyPoints(count: number): PointArrays {
  const none = new Array<Float32Array>(count).fill(new Float32Array(0));
  return {
    x: none,
    y: none.slice(),
    z: none.slice(),
    residual: none.slice(),
    camera: new Array<Uint8Array>(count).fill(new Uint8Array(0)),
  };
}

/** Shape of the section and where one block's words start in its source array. */
interface Block {
  P: number;
  C: number;
  S: number;
  F: number;
  wpf: number;
  /** First and end frame of the block, and the index of its first word in the source. */
  f0: number;
  f1: number;
  base: number;
}

export function decodeSamples(
  bytes: Uint8Array,
  layout: Layout,
  codec: NumberCodec,
  scaling: AnalogScaling,
): { points: PointArrays; channels: Float64Array[] } {
  const { pointCount: P, channels: C, samplesPerFrame: S, frames: F, dataStart } = layout;
  const wpf = P * 4 + C * S;
  const points = pointBacking(P, F);
  // One backing buffer for all channels: one large allocation instead of C (less GC pressure).
  const { backing: analog, views: channels } = channelViews(C, F * S);
  if (F === 0 || wpf === 0) return { points: points.arrays, channels };
  const perBlock = Math.max(1, Math.floor(BLOCK_WORDS / wpf));
  const block: Block = { P, C, S, F, wpf, f0: 0, f1: 0, base: 0 };
  const { offset, factor } = scaling;
  if (layout.format === 'float') {
    const direct = directFloats(bytes, dataStart, wpf * F, codec);
    const scratch = direct ? undefined : new Int32Array(scratchBuffer(perBlock * wpf * 4), 0, perBlock * wpf);
    const source = direct ?? new Float32Array(scratch!.buffer, 0, perBlock * wpf);
    const resScale = Math.abs(layout.pointScale);
    for (let f0 = 0; f0 < F; f0 += perBlock) {
      block.f0 = f0;
      block.f1 = Math.min(F, f0 + perBlock);
      block.base = direct ? f0 * wpf : 0;
      if (scratch) decodeFloats(bytes, dataStart + f0 * wpf * 4, (block.f1 - f0) * wpf, codec, scratch);
      pointsFromFloats(source, block, resScale, points.floats, points.masks);
      analogFromFloats(source, block, offset, factor, analog);
    }
  } else {
    const direct = directInts(bytes, dataStart, wpf * F, codec);
    const scratch = direct ? undefined : new Int16Array(scratchBuffer(perBlock * wpf * 2), 0, perBlock * wpf);
    const source = direct ?? scratch!;
    // UNSIGNED files store samples as uint16: masking reinterprets the signed word.
    const mask = scaling.unsigned ? 0xffff : -1;
    for (let f0 = 0; f0 < F; f0 += perBlock) {
      block.f0 = f0;
      block.f1 = Math.min(F, f0 + perBlock);
      block.base = direct ? f0 * wpf : 0;
      if (scratch) decodeInts(bytes, dataStart + f0 * wpf * 2, (block.f1 - f0) * wpf, codec, scratch);
      pointsFromInts(source, block, layout.pointScale, points.floats, points.masks);
      analogFromInts(source, block, mask, offset, factor, analog);
    }
  }
  return { points: points.arrays, channels };
}

function pointsFromFloats(
  raw: Float32Array,
  b: Block,
  resScale: number,
  out: Float32Array,
  masks: Uint8Array,
): void {
  const { P, F, wpf, f0, f1 } = b;
  const PF = P * F;
  for (let p = 0; p < P; p++) {
    for (let f = f0, i = b.base + p * 4, o = p * F + f0; f < f1; f++, i += wpf, o++) {
      out[o] = raw[i]!;
      out[o + PF] = raw[i + 1]!;
      out[o + 2 * PF] = raw[i + 2]!;
      // The fourth word is a float holding the 16-bit word: camera mask high byte, residual low byte.
      const w = raw[i + 3]!;
      if (w < 0 || w !== w) {
        out[o + 3 * PF] = -1;
      } else {
        const iw = w | 0;
        out[o + 3 * PF] = (iw & 0xff) * resScale;
        masks[o] = (iw >> 8) & 0xff;
      }
    }
  }
}

function pointsFromInts(
  raw: Int16Array,
  b: Block,
  scale: number,
  out: Float32Array,
  masks: Uint8Array,
): void {
  const { P, F, wpf, f0, f1 } = b;
  const PF = P * F;
  const resScale = Math.abs(scale);
  for (let p = 0; p < P; p++) {
    for (let f = f0, i = b.base + p * 4, o = p * F + f0; f < f1; f++, i += wpf, o++) {
      out[o] = raw[i]! * scale;
      out[o + PF] = raw[i + 1]! * scale;
      out[o + 2 * PF] = raw[i + 2]! * scale;
      const w = raw[i + 3]!;
      if (w < 0) {
        out[o + 3 * PF] = -1;
      } else {
        out[o + 3 * PF] = (w & 0xff) * resScale;
        masks[o] = (w >> 8) & 0xff;
      }
    }
  }
}

// Analog: channel c's samples are at c * F * S in the shared backing array; within a block each
// channel writes one run of (f1 - f0) x S samples, reading the block's words with stride C.

function analogFromFloats(
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
    let o = (c * F + f0) * S;
    if (S === 1) {
      // one sample per frame (many-channel systems): no inner loop of one iteration per frame
      for (let f = f0, i = first + c; f < f1; f++, i += wpf, o++) out[o] = (raw[i]! - off) * k;
      continue;
    }
    for (let f = f0, row = first + c; f < f1; f++, row += wpf) {
      for (let s = 0, i = row; s < S; s++, i += C, o++) out[o] = (raw[i]! - off) * k;
    }
  }
}

function analogFromInts(
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
    let o = (c * F + f0) * S;
    if (S === 1) {
      // one sample per frame (many-channel systems): no inner loop of one iteration per frame
      for (let f = f0, i = first + c; f < f1; f++, i += wpf, o++) out[o] = ((raw[i]! & mask) - off) * k;
      continue;
    }
    for (let f = f0, row = first + c; f < f1; f++, row += wpf) {
      for (let s = 0, i = row; s < S; s++, i += C, o++) out[o] = ((raw[i]! & mask) - off) * k;
    }
  }
}
