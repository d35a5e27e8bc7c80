// VAX F decoding: the per-word decoder (parameters) and the bulk path (samples) agree word for
// word, on ordinary values and on the exponent edge cases.
import { describe, expect, it } from '@jest/globals';
import { decCodec, decodeVax, encodeVax, intelCodec, mipsCodec, type NumberCodec } from './codec.js';
import { decodeFloats, decodeInts } from './raw.js';

/** A section's float words decoded in one call, read as float32. */
function floatsOf(bytes: Uint8Array, start: number, count: number, codec: NumberCodec): Float32Array {
  const words = new Int32Array(count);
  decodeFloats(bytes, start, count, codec, words);
  return new Float32Array(words.buffer);
}

/** The 4 bytes of a VAX F float given its IEEE-layout bits (sign, exponent, fraction). */
function vaxBytes(bits: number): number[] {
  const hi = (bits >>> 16) & 0xffff;
  const lo = bits & 0xffff;
  return [hi & 0xff, hi >>> 8, lo & 0xff, lo >>> 8];
}

const EDGE_BITS = [
  0x00000000, // zero
  0x80000000, // exponent 0 with the sign set: 0 as well (VAX "reserved operand" read as 0)
  0x00800000, // exponent 1: 2^-126 / 4 = 2^-128, an IEEE subnormal
  0x01400000, // exponent 2, fraction .5
  0x01800000, // exponent 3: the first exponent that stays normal
  0x40800000, // 1.0 in VAX (IEEE reading 4.0)
  0xc0800000, // -1.0
  0x7f800000, // exponent 255: 2^126, not Infinity
  0xffffffff, // largest magnitude, negative
];

describe('VAX F floats', () => {
  it('decodes the exponent edge cases to their VAX values', () => {
    const view = (bits: number) => new DataView(new Uint8Array(vaxBytes(bits)).buffer);
    expect(decodeVax(view(0x40800000), 0)).toBe(1);
    expect(decodeVax(view(0xc0800000), 0)).toBe(-1);
    expect(decodeVax(view(0x00000000), 0)).toBe(0);
    expect(decodeVax(view(0x80000000), 0)).toBe(0);
    expect(decodeVax(view(0x00800000), 0)).toBe(2 ** -128);
    expect(decodeVax(view(0x7f800000), 0)).toBe(2 ** 126);
  });

  it('round-trips ordinary values through encodeVax', () => {
    const buf = new DataView(new ArrayBuffer(4));
    for (const v of [1, -1, 0.5, 3.25, 1234.5, -0.001, 6.02e23, 1e-30, Math.fround(Math.PI)]) {
      encodeVax(buf, 0, v);
      expect(decodeVax(buf, 0)).toBe(Math.fround(v));
    }
  });

  // aligned sections are read in place, unaligned ones from an aligned copy; the edge words sit
  // at every position of the four-word groups, and again in the tail after the last group
  it.each([0, 3])('decodes samples in bulk exactly as word by word (start %d)', (start) => {
    const words: number[] = [...EDGE_BITS, ...EDGE_BITS.slice(1), ...EDGE_BITS.slice(2)];
    let seed = 12345;
    for (let i = 0; i < 4000; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      words.push(seed);
    }
    words.push(0x00800000, 0x01400000, 0x80000000);
    const bytes = new Uint8Array([...new Array<number>(start).fill(0), ...words.flatMap(vaxBytes)]);
    const bulk = floatsOf(bytes, start, words.length, decCodec);
    const view = new DataView(bytes.buffer);
    words.forEach((_, i) =>
      expect(Object.is(bulk[i], Math.fround(decodeVax(view, start + 4 * i)))).toBe(true),
    );
    expect(bulk[2]).toBe(2 ** -128);
  });
});

describe('big-endian (MIPS) words', () => {
  it.each([0, 1])('match DataView reads (start %d)', (start) => {
    const bytes = new Uint8Array(4 * 503 + start).map((_, i) => (i * 7919 + 13) & 0xff);
    const view = new DataView(bytes.buffer);
    const words = new Int32Array(503);
    decodeFloats(bytes, start, 503, mipsCodec, words);
    const ints = new Int16Array(1006);
    decodeInts(bytes, start, 1006, mipsCodec, ints);
    // compared as bits: a float load may quiet a signalling NaN
    for (let i = 0; i < 503; i++) expect(words[i]).toBe(view.getInt32(start + 4 * i, false));
    for (let i = 0; i < 1006; i++) expect(ints[i]).toBe(view.getInt16(start + 2 * i, false));
  });

  it('moves unaligned Intel words unchanged', () => {
    const bytes = new Uint8Array(4 * 101 + 2).map((_, i) => (i * 31 + 7) & 0xff);
    const view = new DataView(bytes.buffer);
    const words = new Int32Array(101);
    decodeFloats(bytes, 2, 101, intelCodec, words);
    for (let i = 0; i < 101; i++) expect(words[i]).toBe(view.getInt32(2 + 4 * i, true));
  });
});
