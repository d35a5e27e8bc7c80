// The blocked de-interleaver against a word-by-word reference: every processor and format,
// aligned and unaligned sections, frame counts that do not fill the last block, frames wider
// than a block, and analog layouts with more channels than samples and the reverse.
import { describe, expect, it } from '@jest/globals';
import { codecFor, encodeVax, type NumberCodec, type Processor } from '../codec.js';
import { type DataFormat } from '../types.js';
import { type Layout } from '../layout.js';
import { type Allocate } from './output.js';
import { decodeSamplesInto, type AnalogScaling } from './samples.js';

/**
 * Output memory filled with a poison pattern (0xa5 bytes: a plausible float, a camera mask of
 * 165): the decoder writes into uninitialised memory, so every element it leaves unwritten
 * shows up as a difference from the reference.
 */
const poisoned: Allocate = (bytes) => {
  const buffer = new ArrayBuffer(bytes);
  new Uint8Array(buffer).fill(0xa5);
  return buffer;
};

interface Shape {
  P: number;
  C: number;
  S: number;
  F: number;
}

const SHAPES: Shape[] = [
  { P: 1, C: 4, S: 30, F: 400 }, // GHOSTLY-like: few channels, many samples per frame
  { P: 10, C: 128, S: 1, F: 150 }, // many channels, one sample per frame
  { P: 205, C: 30, S: 5, F: 23 }, // point-heavy
  { P: 70, C: 10, S: 3, F: 300 }, // wide frames: blocks of the minimum frame count, the last one short
  { P: 0, C: 3, S: 2, F: 5 }, // analog only
  { P: 3, C: 0, S: 0, F: 9 }, // points only
  { P: 2, C: 2100, S: 10, F: 3 }, // one frame is wider than a block (21 004 words)
];

/** Deterministic words: coordinates, residual words (some invalid), analog samples. */
function wordValue(f: number, k: number, format: DataFormat): number {
  const h = (Math.imul(f + 1, 2654435761) ^ Math.imul(k + 7, 40503)) >>> 0;
  if (format === 'integer') return (h % 65536) - 32768;
  return Math.fround(((h % 200001) - 100000) / 64);
}

function residualWord(f: number, p: number): number {
  const h = (f * 31 + p * 17) % 11;
  if (h === 0) return -1; // invalid point
  return ((h * 23) << 8) | (h * 7); // camera mask high byte, residual low byte
}

function encode(shape: Shape, proc: Processor, format: DataFormat, pad: number): Uint8Array {
  const { P, C, S, F } = shape;
  const wpf = 4 * P + C * S;
  const size = format === 'float' ? 4 : 2;
  const bytes = new Uint8Array(pad + wpf * F * size);
  const view = new DataView(bytes.buffer);
  const little = proc !== 'mips';
  const put = (i: number, v: number) => {
    const at = pad + i * size;
    if (format === 'integer') view.setInt16(at, v, little);
    else if (proc === 'dec') encodeVax(view, at, v);
    else view.setFloat32(at, v, little);
  };
  for (let f = 0; f < F; f++) {
    for (let k = 0; k < wpf; k++) {
      const inPoints = k < 4 * P;
      const isResidual = inPoints && k % 4 === 3;
      put(f * wpf + k, isResidual ? residualWord(f, k >> 2) : wordValue(f, k, format));
    }
  }
  return bytes;
}

/** Word-by-word reference: each word decoded with the codec's scalar reader, then placed. */
function reference(bytes: Uint8Array, layout: Layout, codec: NumberCodec, sc: AnalogScaling) {
  const { pointCount: P, channels: C, samplesPerFrame: S, frames: F } = layout;
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const wpf = 4 * P + C * S;
  const float = layout.format === 'float';
  const word = (i: number) =>
    float ? codec.f32(view, layout.dataStart + 4 * i) : codec.i16(view, layout.dataStart + 2 * i);
  const scale = float ? 1 : layout.pointScale;
  const res = Math.abs(layout.pointScale);
  const coords: number[][][] = [[], [], []];
  const residual: number[][] = [];
  const camera: number[][] = [];
  for (let p = 0; p < P; p++) {
    for (const axis of coords) axis.push([]);
    residual.push([]);
    camera.push([]);
    for (let f = 0; f < F; f++) {
      for (let k = 0; k < 3; k++) coords[k]![p]!.push(Math.fround(word(f * wpf + 4 * p + k) * scale));
      const w = word(f * wpf + 4 * p + 3);
      residual[p]!.push(w < 0 ? -1 : Math.fround((w & 0xff) * res));
      camera[p]!.push(w < 0 ? 0 : (w >> 8) & 0xff);
    }
  }
  const channels: number[][] = [];
  for (let c = 0; c < C; c++) {
    const out: number[] = [];
    for (let f = 0; f < F; f++)
      for (let s = 0; s < S; s++) {
        let w = word(f * wpf + 4 * P + s * C + c);
        if (sc.unsigned) w &= 0xffff;
        out.push((w - sc.offset[c]!) * sc.factor[c]!);
      }
    channels.push(out);
  }
  return { coords, residual, camera, channels };
}

/** Index of the first element that differs (Object.is), or -1. */
function firstDifference(got: ArrayLike<number>, want: number[]): number {
  if (got.length !== want.length) return Math.min(got.length, want.length);
  for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) return i;
  return -1;
}

/** Every point field and channel equal to the reference, element by element (Object.is). */
function expectReference(
  got: ReturnType<typeof decodeSamplesInto>,
  want: ReturnType<typeof reference>,
): void {
  got.points.x.forEach((_, p) => {
    expect(firstDifference(got.points.x[p]!, want.coords[0]![p]!)).toBe(-1);
    expect(firstDifference(got.points.y[p]!, want.coords[1]![p]!)).toBe(-1);
    expect(firstDifference(got.points.z[p]!, want.coords[2]![p]!)).toBe(-1);
    expect(firstDifference(got.points.residual[p]!, want.residual[p]!)).toBe(-1);
    expect(firstDifference(got.points.camera[p]!, want.camera[p]!)).toBe(-1);
  });
  expect(got.points.x).toHaveLength(want.coords[0]!.length);
  got.channels.forEach((ch, c) => expect(firstDifference(ch, want.channels[c]!)).toBe(-1));
}

describe('decodeSamples', () => {
  const cases: [Processor, DataFormat, boolean][] = [];
  for (const proc of ['intel', 'dec', 'mips'] as const)
    for (const format of ['float', 'integer'] as const)
      for (const unaligned of [false, true]) cases.push([proc, format, unaligned]);

  it.each(cases)('%s %s (unaligned: %s) equals the word-by-word reference', (proc, format, unaligned) => {
    const codec = codecFor(proc);
    for (const shape of SHAPES) {
      const pad = unaligned ? 3 : 8;
      const bytes = encode(shape, proc, format, pad);
      const layout: Layout = {
        pointCount: shape.P,
        channels: shape.C,
        samplesPerFrame: shape.S,
        frames: shape.F,
        dataStart: pad,
        format,
        pointScale: format === 'float' ? -0.25 : 0.125,
        pointRate: 100,
        analogRate: 100 * shape.S,
        firstFrame: 1,
      };
      const scaling: AnalogScaling = {
        offset: Float64Array.from({ length: shape.C }, (_, c) => (c % 5) - 2),
        factor: Float64Array.from({ length: shape.C }, (_, c) => 0.5 + c / 7),
        unsigned: format === 'integer' && shape.C % 2 === 0,
      };
      const got = decodeSamplesInto(bytes, layout, codec, scaling, poisoned);
      expectReference(got, reference(bytes, layout, codec, scaling));
      expect(got.channels).toHaveLength(shape.C);
    }
  });
});

describe('decodeSamples on DEC float words at the exponent edges', () => {
  // IEEE-layout bits (the VAX word with its halves swapped): zero, reserved operands (exponent
  // 0 with the sign set), exponents 1 and 2 (float32 subnormals once divided by 4), the first
  // normal exponent, one, and the largest exponent (finite in VAX)
  const EDGES = [
    0x00000000, 0x80000000, 0x80123456, 0x00800000, 0x01400000, 0x81400001, 0x01800000, 0x40800000,
    0xc0800000, 0x7f800000, 0xffffffff, 0x00000001,
  ];

  it.each([0, 2])('equals the word-by-word reference in every slot (pad %d)', (pad) => {
    const shape = { P: 3, C: 5, S: 3, F: 41 };
    const { P, C, S, F } = shape;
    const wpf = 4 * P + C * S;
    const bytes = new Uint8Array(pad + 4 * wpf * F);
    for (let i = 0; i < wpf * F; i++) {
      const bits = EDGES[(i * 7 + (i >> 3)) % EDGES.length]!;
      const hi = bits >>> 16;
      const lo = bits & 0xffff;
      bytes.set([hi & 0xff, hi >>> 8, lo & 0xff, lo >>> 8], pad + 4 * i);
    }
    const codec = codecFor('dec');
    const layout: Layout = {
      pointCount: P,
      channels: C,
      samplesPerFrame: S,
      frames: F,
      dataStart: pad,
      format: 'float',
      pointScale: -0.5,
      pointRate: 100,
      analogRate: 300,
      firstFrame: 1,
    };
    const scaling: AnalogScaling = {
      offset: Float64Array.from({ length: C }, (_, c) => c - 1),
      factor: Float64Array.from({ length: C }, (_, c) => 0.25 + c),
      unsigned: false,
    };
    const got = decodeSamplesInto(bytes, layout, codec, scaling, poisoned);
    expectReference(got, reference(bytes, layout, codec, scaling));
    // the edge values are there, decoded as such (not flushed to zero, not Infinity)
    const coords = [...got.points.x, ...got.points.y, ...got.points.z].flatMap((a) => [...a]);
    expect(coords).toContain(2 ** -128);
    expect(coords).toContain(2 ** 126);
    expect(coords).toContain(-1);
  });
});
