// Parameter strings: padding removed (spaces and NULs, in any mix and length), ASCII, UTF-8 and
// Latin-1 text, with and without the DataView that skips padding four bytes at a time.
import { describe, expect, it } from '@jest/globals';
import { decodeString } from './strings.js';

const enc = (text: string) => [...new TextEncoder().encode(text)];

function decodeBoth(bytes: number[], start = 0, end = bytes.length): string {
  const array = new Uint8Array(bytes);
  const plain = decodeString(array, start, end);
  const fast = decodeString(array, start, end, new DataView(array.buffer));
  expect(fast).toBe(plain);
  return fast;
}

describe('decodeString', () => {
  it.each([0, 1, 2, 3, 4, 5, 8, 13])('removes %d bytes of mixed space and NUL padding', (pad) => {
    const padding = Array.from({ length: pad }, (_, i) => (i % 3 === 0 ? 0 : 0x20));
    expect(decodeBoth([...enc('LFHD'), ...padding])).toBe('LFHD');
    expect(decodeBoth([...enc('Left front head'), ...padding])).toBe('Left front head');
  });

  it('keeps inner spaces and NULs, and gives an empty string for padding only', () => {
    expect(decodeBoth([...enc('a b'), 0, 0x41, 0x20, 0x20, 0x20, 0x20, 0x20])).toBe('a b\0A');
    expect(decodeBoth([0x20, 0, 0x20, 0x20, 0, 0, 0, 0x20, 0x20])).toBe('');
    expect(decodeBoth([])).toBe('');
  });

  it('never reads outside [start, end)', () => {
    // text on both sides of the range, padding inside it
    const bytes = [...enc('XXXX'), ...enc('ab'), 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, ...enc('YYYY')];
    expect(decodeBoth(bytes, 4, 12)).toBe('ab');
    expect(decodeBoth(bytes, 6, 12)).toBe('');
  });

  it('decodes UTF-8, and Latin-1 where the bytes are not UTF-8, in the first eight bytes and after', () => {
    expect(decodeBoth([...enc('µV'), 0x20])).toBe('µV');
    expect(decodeBoth([...enc('channel µV'), 0x20, 0x20])).toBe('channel µV');
    expect(decodeBoth([0x64, 0x65, 0x67, 0xb0, 0x20])).toBe('deg°');
    expect(decodeBoth([...enc('angle in '), 0xb0, 0x20, 0x20, 0x20, 0x20])).toBe('angle in °');
    expect(decodeBoth([...enc('µV of the left muscle')])).toBe('µV of the left muscle');
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17])('decodes ASCII text of %d characters', (n) => {
    const text = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, n);
    expect(decodeBoth([...enc(text), 0x20, 0])).toBe(text);
  });
});
