/**
 * Deterministic fuzzing: byte flips, truncations and length-field changes of fixture files.
 * Every outcome must be a C3dFile or a C3dError, with output size bounded by the input size,
 * within a per-read time bound; for the full read and for the headerOnly metadata path. Every
 * output byte of a successful read is written by the decoder, whatever the damaged layout.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type PointArrays } from './decode/index.js';
import { decodeSamplesInto } from './decode/samples.js';
import { C3dError, readC3d, writeC3d, type C3dFile, type ReadOptions } from './index.js';
import { readStructure } from './read.js';
import { uniform } from '../../../test/support/random.js';

const dir = join(process.cwd(), 'test/fixtures/c3d');
const bases = [
  'ok/synthetic-intel-integer.c3d',
  'ok/synthetic-dec-float.c3d',
  'ok/synthetic-mips-integer.c3d',
  'ok/synthetic-300-channels.c3d',
  'ok/sample01-intel-integer.c3d',
  'ok/sample01-mips-float.c3d',
  'ok/header-parameter-mismatch.c3d',
].map((f) => new Uint8Array(readFileSync(join(dir, f))));

function mutate(base: Uint8Array, rand: () => number): Uint8Array {
  const int = (n: number): number => Math.floor(rand() * n);
  const kind = int(4);
  if (kind === 0) return base.slice(0, int(base.length));
  const out = base.slice();
  // Most structure lives in the first blocks: header, parameter header, parameter records.
  const span = rand() < 0.8 ? Math.min(out.length, 4096) : out.length;
  if (kind === 1) {
    for (let i = 0, n = 1 + int(8); i < n; i++) out[int(span)] = int(256);
  } else if (kind === 2) {
    // Header length/count words (words 1-12) and the parameter header.
    const fields = [0, 2, 4, 6, 8, 16, 18, 514, 515, 516];
    const at = fields[int(fields.length)]!;
    out[at] = int(256);
    if (rand() < 0.5 && at + 1 < out.length) out[at + 1] = int(256);
  } else {
    // A 16-bit field inside the parameter section: offsets, dims, USED/FRAMES/DATA_START values.
    const at = 516 + int(Math.max(1, Math.min(out.length, 8192) - 518));
    out[at] = int(256);
    out[at + 1] = int(256);
  }
  return out;
}

/** The bytes of every output array (point fields, camera masks, channels). */
function outputWords(f: C3dFile): Uint8Array[] {
  return bytesOf(f.points, f.analog.channels);
}

function bytesOf(p: PointArrays, channels: Float64Array[]): Uint8Array[] {
  const arrays = [p.x, p.y, p.z, p.residual, p.camera, channels];
  return arrays.flat().map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

function outputBytes(f: C3dFile): number {
  return outputWords(f).reduce((n, a) => n + a.length, 0);
}

/** Output memory filled with `fill` before the decoder writes into it. */
function filledWith(fill: number): (bytes: number) => ArrayBuffer {
  return (bytes) => {
    const buffer = new ArrayBuffer(bytes);
    new Uint8Array(buffer).fill(fill);
    return buffer;
  };
}

/**
 * The decoder writes into uninitialised memory, so no output byte may depend on what the memory
 * held before: decoded into zeroed and into 0xa5-filled memory, whatever layout the damaged
 * file has, the outputs are the same bytes.
 */
function expectEveryElementWritten(bytes: Uint8Array, i: number): void {
  // readC3d's own decoding step, given the memory to write into
  const { layout, codec, analog } = readStructure(bytes);
  const decode = (fill: number) => {
    const { points, channels } = decodeSamplesInto(bytes, layout, codec, analog.scaling, filledWith(fill));
    return bytesOf(points, channels);
  };
  const zero = decode(0);
  const poison = decode(0xa5);
  expect(poison.length).toBe(zero.length);
  zero.forEach((a, k) => {
    const b = poison[k]!;
    if (!Buffer.from(a.buffer, a.byteOffset, a.length).equals(b))
      throw new Error(`mutation ${i}: output array ${k} depends on the memory's previous contents`);
  });
}

/**
 * A read of these (<= ~1 MB) inputs takes milliseconds; 1000 ms is far above what a busy shared
 * machine adds, so only a pathological path (a loop driven by a damaged count) exceeds it.
 */
const MAX_READ_MS = 1000;

type Outcome = { kind: 'ok'; file: C3dFile } | { kind: 'error'; error: C3dError };

/** One timed read; anything thrown that is not a C3dError fails the case with its mutation number. */
function timedRead(bytes: Uint8Array, options: ReadOptions, i: number): Outcome {
  const t0 = performance.now();
  let outcome: Outcome;
  try {
    outcome = { kind: 'ok', file: readC3d(bytes, options) };
  } catch (e) {
    if (!(e instanceof C3dError)) throw new Error(`mutation ${i}: ${String(e)}`, { cause: e });
    outcome = { kind: 'error', error: e };
  }
  const ms = performance.now() - t0;
  if (ms > MAX_READ_MS)
    throw new Error(`mutation ${i}: read took ${ms.toFixed(0)} ms (bound ${MAX_READ_MS} ms)`);
  return outcome;
}

describe('fuzz: damaged input never crashes, hangs or over-allocates', () => {
  it('3000 seeded mutations give a result or a C3dError, read in full and headerOnly', () => {
    const rand = uniform(20240304);
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const base = bases[i % bases.length]!;
      const bytes = mutate(base, rand);
      const full = timedRead(bytes, {}, i);
      const head = timedRead(bytes, { headerOnly: true }, i);
      if (full.kind === 'ok') {
        // Float64 per 16-bit word is the largest expansion: 4x, plus small per-array overheads.
        expect(outputBytes(full.file)).toBeLessThanOrEqual(4 * bytes.length + 4096);
        expectEveryElementWritten(bytes, i);
        seen.add('ok');
      } else {
        expect(full.error.offset).toBeGreaterThanOrEqual(0);
        seen.add(full.error.code);
      }
      if (head.kind === 'error') {
        // headerOnly stops before the samples, so it cannot fail where the full read succeeds
        expect(full.kind).toBe('error');
        expect(head.error.offset).toBeGreaterThanOrEqual(0);
        continue;
      }
      // no sample arrays, whatever the (damaged) counts say
      expect(outputBytes(head.file)).toBe(0);
      if (full.kind === 'ok') {
        expect([head.file.points.frames, head.file.points.labels, head.file.analog.labels]).toEqual([
          full.file.points.frames,
          full.file.points.labels,
          full.file.analog.labels,
        ]);
      }
    }
    expect(seen.has('ok')).toBe(true);
    expect(seen.size).toBeGreaterThan(2);
  });
});

/**
 * Regression (found by fuzzing the headerOnly path, seed 20240305, mutation 2118): a CHAR
 * parameter whose string width is 0 has no data bytes, so it passed the size checks, and the
 * reader allocated product(dims[1..]) strings: 16.5 million for [0, 255, 255, 255], a hang for
 * [0, 255 x 4], a RangeError for [0, 255 x 5]. The row count is now capped by the file size.
 */
describe('fuzz regression: zero-width CHAR parameter with huge row dimensions', () => {
  function zeroWidthChar(rowDims: number[]): Uint8Array {
    const bytes = writeC3d({
      pointRate: 10,
      analog: { samplesPerFrame: 1, labels: ['A'], channels: [[0, 1]] },
      groups: [
        {
          name: 'X',
          parameters: [{ name: 'S', type: 'char', values: ['ab'], dims: [2, 1], description: 'abcdefgh' }],
        },
      ],
    });
    // the record body: type -1, 2 dims [2, 1], "ab", description length 8, "abcdefgh"
    const body = [0xff, 2, 2, 1, 0x61, 0x62, 8, ...new TextEncoder().encode('abcdefgh')];
    const at = bytes.findIndex((_, i) => body.every((v, j) => bytes[i + j] === v));
    if (at < 512) throw new Error('parameter record X:S not found in the written file');
    // rewrite in place: ndims, then width 0 and the row dims (over data and description bytes)
    bytes.set([1 + rowDims.length, 0, ...rowDims], at + 1);
    return bytes;
  }

  it('the crafted record is where the patch lands: dims [0, 255] read as 255 empty strings', () => {
    const p = readC3d(zeroWidthChar([255])).parameters.find((g) => g.name === 'X')?.parameters[0];
    expect([p?.name, p?.type, p?.dims, p?.values.length]).toEqual(['S', 'char', [0, 255], 255]);
  });

  it('dims [0, 255 x 5]: the parameter is skipped with a warning, within the time and memory bound', () => {
    for (const dims of [
      [255, 255, 255],
      [255, 255, 255, 255],
      [255, 255, 255, 255, 255],
    ]) {
      const bytes = zeroWidthChar(dims);
      for (const options of [{}, { headerOnly: true }]) {
        const t0 = performance.now();
        const file = readC3d(bytes, options);
        expect(performance.now() - t0).toBeLessThan(1000);
        expect(
          file.parameters.find((g) => g.name === 'X')?.parameters.find((p) => p.name === 'S'),
        ).toBeUndefined();
        expect(file.warnings.map((w) => w.code)).toContain('parameter_bad_dims');
      }
    }
  });
});
