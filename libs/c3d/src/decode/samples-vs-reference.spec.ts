/**
 * The sample kernels against their plain reference (reference/samples.ts), bit for bit: every
 * real file as stored and copied to odd byte offsets (so that every section also goes through
 * the DataView splits), and synthetic sections for each processor and word format at every
 * alignment, of random bits (NaNs with payloads, -0, infinities, subnormals, VAX reserved
 * operands; negative, NaN and oversized residual words) mixed with plausible words, including
 * empty sections. The kernels write into poisoned memory, so an element left unwritten differs.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { realC3dFiles, type RealFile } from '../../test-data/real-files.js';
import { codecFor, encodeVax, type NumberCodec, type Processor } from '../codec.js';
import { C3dError } from '../errors.js';
import { type Layout } from '../layout.js';
import { readStructure } from '../read.js';
import { type DataFormat } from '../types.js';
import { type Allocate } from './output.js';
import { referenceSamples } from './reference/samples.js';
import { decodeSamplesInto, type AnalogScaling, type Samples } from './samples.js';
import { mulberry32 } from '../../../../test/support/random.js';

const poisoned: Allocate = (bytes) => {
  const buffer = new ArrayBuffer(bytes);
  new Uint8Array(buffer).fill(0xa5);
  return buffer;
};

/** Every output array: x, y, z, residual and camera of each point, then the channels. */
function outputArrays({ points, channels }: Samples): (Float32Array | Uint8Array | Float64Array)[] {
  return [points.x, points.y, points.z, points.residual, points.camera, channels].flat();
}

/**
 * Where the kernel's output first differs from the reference's, or undefined. Elements are
 * compared with Object.is: equal bits for every number (-0 is not 0), and any NaN equal to any
 * NaN, as V8 keeps a signalling NaN's bits on some paths (an optimised float32 copy) and quiets
 * it on others, so NaN payloads are not a property of the decoder. Arrays with the same bytes
 * are equal without looking at their elements.
 */
function sameBytes(x: ArrayBufferView, y: ArrayBufferView): boolean {
  return Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(
    Buffer.from(y.buffer, y.byteOffset, y.byteLength),
  );
}

function firstDifference(got: Samples, want: Samples): string | undefined {
  const a = outputArrays(got);
  const b = outputArrays(want);
  if (a.length !== b.length) return `${a.length} arrays, the reference ${b.length}`;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x.constructor !== y.constructor || x.length !== y.length)
      return `array ${k}: ${x.constructor.name}(${x.length}), the reference ${y.constructor.name}(${y.length})`;
    if (sameBytes(x, y)) continue;
    for (let i = 0; i < x.length; i++)
      if (!Object.is(x[i], y[i])) return `array ${k}, element ${i}: ${x[i]} where the reference has ${y[i]}`;
  }
  return undefined;
}

function expectReference(
  bytes: Uint8Array,
  layout: Layout,
  codec: NumberCodec,
  scaling: AnalogScaling,
): void {
  const got = decodeSamplesInto(bytes, layout, codec, scaling, poisoned);
  expect(firstDifference(got, referenceSamples(bytes, layout, codec, scaling))).toBeUndefined();
}

/** `bytes` copied `shift` bytes into a new buffer: every word unaligned for shift 1 and 3. */
function shifted(bytes: Uint8Array, shift: number): Uint8Array {
  const out = new Uint8Array(bytes.length + shift).subarray(shift);
  out.set(bytes);
  return out;
}

/** The files that read (not-ok fixtures stop before their samples), with their structure. */
function readable(files: RealFile[]): [string, string][] {
  return files.flatMap((file): [string, string][] => {
    try {
      readStructure(new Uint8Array(readFileSync(file.path)));
      return [[file.name, file.path]];
    } catch (error) {
      if (error instanceof C3dError) return [];
      throw error;
    }
  });
}

const real = realC3dFiles('decode kernels against their references (corpus part)');

describe('decodeSamples against the reference on real files', () => {
  const fixtures = readable(real.fixtures);
  const corpus = readable(real.corpus);

  it('has the fixtures to run over', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  const check = (path: string) => {
    const stored = new Uint8Array(readFileSync(path));
    const { layout, codec, analog } = readStructure(stored);
    // shift 0: in place where the processor allows; 1: every word through a DataView; 2:
    // integer words in place, float words through a DataView
    for (const shift of [0, 1, 2]) expectReference(shifted(stored, shift), layout, codec, analog.scaling);
  };

  it.each(fixtures)('%s', (_, path) => check(path));
  (corpus.length > 0 ? describe : describe.skip)('shared corpus', () => {
    it.each(corpus)('%s', (_, path) => check(path));
  });
});

/** IEEE bits at the edges: NaNs (quiet, signalling, with payloads), -0, infinities, subnormals, extremes. */
const EDGE_BITS = [
  0x7fc00000, 0xffc00001, 0x7f800001, 0x7fbfffff, 0x80000000, 0x7f800000, 0xff800000, 0x00000001, 0x807fffff,
  0x7f7fffff, 0x00800000, 0x3f800000, 0x47800000, 0x4f800000, 0xcf000000,
];

interface Shape {
  P: number;
  C: number;
  S: number;
  F: number;
}

const SHAPES: Shape[] = [
  { P: 3, C: 5, S: 3, F: 41 },
  { P: 70, C: 10, S: 3, F: 300 }, // blocks of the minimum frame count, the last one short
  { P: 0, C: 130, S: 1, F: 9 },
  { P: 2, C: 0, S: 0, F: 17 },
  { P: 2, C: 3, S: 2, F: 0 }, // no frames
  { P: 0, C: 0, S: 0, F: 12 }, // no words in a frame
];

/**
 * A data section at byte `start`: each word random bits (a quarter), an edge value (an
 * eighth), or a plausible word encoded as the processor stores it; residual words plausible
 * 16-bit residual-and-camera values, or -1.
 */
function section(shape: Shape, proc: Processor, format: DataFormat, start: number, seed: number): Uint8Array {
  const { P, C, S, F } = shape;
  const wpf = 4 * P + C * S;
  const size = format === 'float' ? 4 : 2;
  const bytes = new Uint8Array(start + wpf * F * size + 5);
  const view = new DataView(bytes.buffer);
  const little = proc !== 'mips';
  const rand = mulberry32(seed);
  for (let i = 0; i < wpf * F; i++) {
    const at = start + i * size;
    const pick = rand() % 8;
    const isResidual = i % wpf < 4 * P && i % 4 === 3;
    if (pick < 2) {
      if (size === 4) view.setUint32(at, rand(), little);
      else view.setUint16(at, rand() & 0xffff, little);
    } else if (pick === 2 && size === 4) {
      view.setUint32(at, EDGE_BITS[rand() % EDGE_BITS.length]!, little);
    } else {
      const value = isResidual
        ? rand() % 9 === 0
          ? -1
          : rand() & 0xffff
        : format === 'integer'
          ? (rand() % 65536) - 32768
          : Math.fround(((rand() % 200001) - 100000) / 64);
      if (format === 'integer') view.setInt16(at, value, little);
      else if (proc === 'dec') encodeVax(view, at, value);
      else view.setFloat32(at, value, little);
    }
  }
  return bytes;
}

describe('decodeSamples against the reference on synthetic sections', () => {
  const cases: [Processor, DataFormat, number][] = [];
  for (const proc of ['intel', 'dec', 'mips'] as const)
    for (const format of ['float', 'integer'] as const)
      for (const start of [0, 1, 2, 3, 6]) cases.push([proc, format, start]);

  it.each(cases)('%s %s words from byte %d', (proc, format, start) => {
    SHAPES.forEach((shape, n) => {
      const layout: Layout = {
        pointCount: shape.P,
        channels: shape.C,
        samplesPerFrame: shape.S,
        frames: shape.F,
        dataStart: start,
        format,
        pointScale: [-0.25, 0.125, 0.1, -1][n % 4]!,
        pointRate: 100,
        analogRate: 100 * shape.S,
        firstFrame: 1,
      };
      const scaling: AnalogScaling = {
        offset: Float64Array.from({ length: shape.C }, (_, c) => (c % 5) - 2 + c / 3),
        factor: Float64Array.from({ length: shape.C }, (_, c) => 0.5 + c / 7),
        // also set on float sections, where it changes nothing
        unsigned: n % 2 === 0,
      };
      const bytes = section(shape, proc, format, start, 1000 * n + start);
      expectReference(bytes, layout, codecFor(proc), scaling);
    });
  });
});
