// VAX F decoding of single words (parameters; the sample paths are checked against it in
// samples.spec.ts).
import { describe, expect, it } from '@jest/globals';
import { decodeVax, encodeVax } from './codec.js';

/** The 4 bytes of a VAX F float given its IEEE-layout bits (sign, exponent, fraction). */
function vaxBytes(bits: number): number[] {
  const hi = (bits >>> 16) & 0xffff;
  const lo = bits & 0xffff;
  return [hi & 0xff, hi >>> 8, lo & 0xff, lo >>> 8];
}

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
});
