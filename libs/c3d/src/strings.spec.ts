// Parameter strings: padding removed (spaces and NULs, in any mix and length, skipped four bytes
// at a time where it can be), ASCII, UTF-8 and Latin-1 text.
import { describe, expect, it } from '@jest/globals';
import { decodeString } from './strings.js';

const enc = (text: string) => [...new TextEncoder().encode(text)];

function decode(bytes: number[], start = 0, end = bytes.length): string {
  const array = new Uint8Array(bytes);
  return decodeString(array, new DataView(array.buffer), start, end);
}

describe('decodeString', () => {
  it.each([0, 1, 2, 3, 4, 5, 8, 13])('removes %d bytes of mixed space and NUL padding', (pad) => {
    const padding = Array.from({ length: pad }, (_, i) => (i % 3 === 0 ? 0 : 0x20));
    expect(decode([...enc('LFHD'), ...padding])).toBe('LFHD');
    expect(decode([...enc('Left front head'), ...padding])).toBe('Left front head');
  });

  it('keeps inner spaces and NULs, and gives an empty string for padding only', () => {
    expect(decode([...enc('a b'), 0, 0x41, 0x20, 0x20, 0x20, 0x20, 0x20])).toBe('a b\0A');
    expect(decode([0x20, 0, 0x20, 0x20, 0, 0, 0, 0x20, 0x20])).toBe('');
    expect(decode([])).toBe('');
  });

  it('never reads outside [start, end)', () => {
    // text on both sides of the range, padding inside it
    const bytes = [...enc('XXXX'), ...enc('ab'), 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, ...enc('YYYY')];
    expect(decode(bytes, 4, 12)).toBe('ab');
    expect(decode(bytes, 6, 12)).toBe('');
  });

  it('decodes UTF-8, and Latin-1 where the bytes are not UTF-8, in the first eight bytes and after', () => {
    expect(decode([...enc('µV'), 0x20])).toBe('µV');
    expect(decode([...enc('channel µV'), 0x20, 0x20])).toBe('channel µV');
    expect(decode([0x64, 0x65, 0x67, 0xb0, 0x20])).toBe('deg°');
    expect(decode([...enc('angle in '), 0xb0, 0x20, 0x20, 0x20, 0x20])).toBe('angle in °');
    expect(decode([...enc('µV of the left muscle')])).toBe('µV of the left muscle');
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17])('decodes ASCII text of %d characters', (n) => {
    const text = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, n);
    expect(decode([...enc(text), 0x20, 0])).toBe(text);
  });
});
