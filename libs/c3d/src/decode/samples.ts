/**
 * De-interleaving of the data section into per-point and per-channel typed arrays. Each frame
 * holds P x (x, y, z, residual word) then S x C analog samples (sample-major).
 *
 * Tested against: referenceSamples (decode/reference/samples.ts), a per-frame loop that reads
 * each word with the codec, bit for bit (samples-vs-reference.spec.ts), and a word-by-word
 * reference of its own in samples.spec.ts.
 *
 * Why shaped so: the section is walked in blocks of whole frames, and every point and channel
 * takes its run of a block while the block is in cache. Walking the whole section once per
 * point or channel streams it from memory P + C times; walking it frame by frame writes to
 * 4P + C output streams at once (128 channels x 1 sample: a store to a different page every
 * word). Aligned little-endian sections (Intel floats, Intel and DEC integers) are split from
 * typed-array views of the file (in-place.ts); the others are read word by word where the split
 * needs them, through a DataView (through-view.ts, vax.ts), because a conversion pass into a
 * scratch block that the split then reads again costs as much as the split. The loops are split
 * by word kind so each stays monomorphic.
 */
import { type NumberCodec } from '../codec.js';
import { type Layout } from '../layout.js';
import {
  analogFromFloats,
  analogFromInts,
  directFloats,
  directInts,
  pointsFromFloats,
  pointsFromInts,
} from './in-place.js';
import { allocateOutput, channelViews, pointBacking, type Allocate, type PointArrays } from './output.js';
import { analogFromView, pointsFromIntView, pointsFromView, type WordKind } from './through-view.js';
import { pointsFromVax } from './vax.js';

export interface AnalogScaling {
  /** Per-channel offset and multiplier (scale x gen_scale). */
  offset: Float64Array;
  factor: Float64Array;
  unsigned: boolean;
}

export interface Samples {
  points: PointArrays;
  channels: Float64Array[];
}

/**
 * Words per block (64 KB, L2-resident). Smaller blocks made shorter runs per channel in
 * many-channel files, and the whole section at once was slower for DEC files.
 */
const BLOCK_WORDS = 16384;

/**
 * But never fewer frames per block than this. Each point and channel writes one run per block,
 * a run's length the block's frames: frames wider than ~250 words would make blocks of a few
 * dozen frames, so every point would write its five output streams a few dozen bytes at a time,
 * each piece a cache line it had written part of a block earlier and lost since. A point's
 * column of a 256-frame block is 256 cache lines (16 KB, in L1), read once for the four points
 * each line holds. Narrow frames (<= 64 words) keep their 64 KB blocks.
 */
const MIN_BLOCK_FRAMES = 256;

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

/** decodeSamples into memory from `allocate`: every element of every output array is written. */
export function decodeSamplesInto(
  bytes: Uint8Array,
  layout: Layout,
  codec: NumberCodec,
  scaling: AnalogScaling,
  allocate: Allocate,
): Samples {
  const { pointCount: P, channels: C, samplesPerFrame: S, frames: F, dataStart } = layout;
  const wpf = P * 4 + C * S;
  const points = pointBacking(P, F, allocate);
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

/** The data section of `bytes` as `layout` places it, decoded with `codec` and analog `scaling`. */
export function decodeSamples(
  bytes: Uint8Array,
  layout: Layout,
  codec: NumberCodec,
  scaling: AnalogScaling,
): Samples {
  return decodeSamplesInto(bytes, layout, codec, scaling, allocateOutput);
}
