// Parameter strings: padding removed (spaces and NULs, in any mix and length, skipped four bytes
// at a time where it can be), ASCII, UTF-8 and Latin-1 text; CHAR arrays row by row or whole.
import { describe, expect, it } from '@jest/globals';
import { decodeRows, decodeString } from './strings.js';

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

/** A CHAR array of `width`-byte rows, each row the text's bytes then `pad` (cycled) to the width. */
function charArray(rows: (number[] | string)[], width: number, pad = [0x20]): Uint8Array {
  const out: number[] = [];
  for (const row of rows) {
    const bytes = typeof row === 'string' ? enc(row) : row;
    for (let i = 0; i < width; i++) out.push(i < bytes.length ? bytes[i]! : pad[i % pad.length]!);
  }
  return new Uint8Array(out);
}

function rowsOf(
  array: Uint8Array,
  width: number,
  start = 0,
  rows = (array.length - start) / width,
): string[] {
  return decodeRows(array, new DataView(array.buffer), start, width, rows);
}

/** decodeString on every row: what decodeRows must give on either of its paths. */
function rowByRow(
  array: Uint8Array,
  width: number,
  start = 0,
  rows = (array.length - start) / width,
): string[] {
  const view = new DataView(array.buffer);
  return Array.from({ length: rows }, (_, r) =>
    decodeString(array, view, start + r * width, start + (r + 1) * width),
  );
}

describe('decodeRows', () => {
  const labels = Array.from({ length: 30 }, (_, i) => (i % 7 === 3 ? '' : `LMKR ${i + 1}`));

  it.each([1, 7, 8, 30])('decodes %d ASCII rows as decodeString does row by row', (count) => {
    for (const pad of [[0x20], [0], [0x20, 0, 0]]) {
      const array = charArray(labels.slice(0, count), 12, pad);
      const rows = rowsOf(array, 12);
      expect(rows).toEqual(labels.slice(0, count));
      expect(rows).toEqual(rowByRow(array, 12));
    }
  });

  it('keeps inner spaces and leading spaces, and reads only its own rows', () => {
    const texts = [' ---', 'a b', 'x  y', '', 'end', 'f', 'g', 'h', 'i'];
    const array = new Uint8Array([...enc('LEFTOVER'), ...charArray(texts, 6), ...enc('NEXT')]);
    expect(rowsOf(array, 6, 8, texts.length)).toEqual(texts);
  });

  it('falls back to row-by-row decoding where a row is UTF-8 or Latin-1', () => {
    const texts = Array.from({ length: 10 }, (_, i) => `CH${i}`);
    const utf8 = [...texts.slice(0, 9), 'EMG µV'];
    expect(rowsOf(charArray(utf8, 8), 8)).toEqual(utf8);
    const latin1 = [...texts.slice(0, 4), [0x64, 0x65, 0x67, 0xb0], ...texts.slice(5)];
    const array = charArray(latin1, 8);
    expect(rowsOf(array, 8)[4]).toBe('deg°');
    expect(rowsOf(array, 8)).toEqual(rowByRow(array, 8));
  });

  it('gives empty strings for zero-width rows', () => {
    expect(rowsOf(new Uint8Array(0), 0, 0, 9)).toEqual(Array(9).fill(''));
  });
});
