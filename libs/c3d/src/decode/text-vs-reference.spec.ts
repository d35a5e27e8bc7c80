/**
 * The string kernels (decodeString, SectionText with and without the native Latin-1 decoder)
 * against their plain reference (reference/text.ts), string for string: windows of every real
 * file's parameter section, and synthetic bytes (padding of spaces and NULs, ASCII, UTF-8 with
 * and without a byte-order mark, malformed UTF-8, Latin-1 and windows-1252 bytes, empty and
 * zero-width strings) at odd byte offsets and across the section's one-string bound.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { realC3dFiles } from '../../test-data/real-files.js';
import { parameterStart } from '../header.js';
import { referenceRows, referenceString } from './reference/text.js';
import { MAX_WHOLE, SectionText, nativeLatin1 } from './section-text.js';
import { decodeString } from './text.js';
import { mulberry32 } from '../../../../test/support/random.js';

/** Widths of the windows read: empty, shorter than a word, around 4 and 8, label and description widths. */
const WIDTHS = [0, 1, 3, 4, 5, 8, 9, 13, 16, 17, 32, 50];

/**
 * Every window [start, start + width) of bytes[from, to) with start `step` apart, read by each
 * kernel and by the reference; the first disagreement, or undefined.
 */
function firstDisagreement(bytes: Uint8Array, from: number, to: number, step: number): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const native = new SectionText(bytes, view, from, to, nativeLatin1);
  const plain = new SectionText(bytes, view, from, to, null);
  for (let start = from; start < to; start += step) {
    for (const width of WIDTHS) {
      const end = Math.min(to, start + width);
      const want = referenceString(bytes, start, end);
      const got = [decodeString(bytes, view, start, end), native.read(start, end), plain.read(start, end)];
      if (got.some((g) => g !== want)) return `[${start}, ${end}): ${JSON.stringify([want, ...got])}`;
    }
  }
  return undefined;
}

/** `bytes` copied `shift` bytes into a new buffer. */
function shifted(bytes: Uint8Array, shift: number): Uint8Array {
  const out = new Uint8Array(bytes.length + shift).subarray(shift);
  out.set(bytes);
  return out;
}

const real = realC3dFiles('decode kernels against their references (corpus part)');

describe('the string kernels against the reference on real parameter sections', () => {
  /** The parameter section (to the header's data block, or the file's end), some 1000 windows of it. */
  const check = (path: string) => {
    const stored = new Uint8Array(readFileSync(path));
    if (stored.length < 1024) return expect(stored.length).toBeLessThan(1024);
    const from = parameterStart(stored);
    const dataBlock = stored[16]! | (stored[17]! << 8);
    const to = dataBlock > from / 512 + 1 ? Math.min(stored.length, (dataBlock - 1) * 512) : stored.length;
    const step = Math.max(1, Math.ceil((to - from) / 1000));
    for (const shift of [0, 1])
      expect(firstDisagreement(shifted(stored, shift), from, to, step)).toBeUndefined();
  };

  it.each(real.fixtures.map((f) => [f.name, f.path]))('%s', (_, path) => check(path));
  (real.corpus.length > 0 ? describe : describe.skip)('shared corpus', () => {
    it.each(real.corpus.map((f) => [f.name, f.path]))('%s', (_, path) => check(path));
  });
});

const enc = (text: string) => [...new TextEncoder().encode(text)];

/** Pieces of text a CHAR array holds, and pieces it must not be confused by. */
const PIECES: number[][] = [
  enc('LFHD'),
  enc('Left front head'),
  enc('EMG µV'),
  enc('°C'),
  enc('€😀'),
  [0xef, 0xbb, 0xbf, ...enc('BOM')], // a UTF-8 byte-order mark
  [0x64, 0x65, 0x67, 0xb0], // Latin-1 degree sign
  [0x48, 0xfc, 0x66, 0x74, 0x65], // Latin-1 ü
  [0x80, 0x93, 0x9f], // windows-1252's own characters
  [0xc0, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // surrogate
  [0xe2, 0x82], // truncated
  [0x41, 0, 0x42], // an inner NUL
  [0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20],
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0x20, 0, 0x20, 0],
];

/** Random runs of the pieces, of padding and of random bytes. */
function synthetic(length: number, seed: number): Uint8Array {
  const rand = mulberry32(seed);
  const out: number[] = [];
  while (out.length < length) {
    const pick = rand() % 4;
    if (pick === 0) for (let i = rand() % 9; i > 0; i--) out.push(rand() & 0xff);
    else out.push(...PIECES[rand() % PIECES.length]!);
  }
  return Uint8Array.from(out.slice(0, length));
}

describe('the string kernels against the reference on synthetic bytes', () => {
  it.each([0, 1, 2, 3])('every window of mixed text and padding, from byte offset %d', (shift) => {
    const bytes = shifted(synthetic(3000, 17 + shift), shift);
    expect(firstDisagreement(bytes, 0, bytes.length, 1)).toBeUndefined();
    // a section that starts and ends inside the bytes: windows around both edges
    expect(firstDisagreement(bytes, 1001 + shift, 1203, 1)).toBeUndefined();
  });

  it('windows across the section-string bound, and rows of a CHAR array', () => {
    const bytes = synthetic(MAX_WHOLE + 512, 99);
    expect(firstDisagreement(bytes, MAX_WHOLE - 300, MAX_WHOLE + 300, 1)).toBeUndefined();
    const view = new DataView(bytes.buffer);
    for (const latin1 of [nativeLatin1, null]) {
      const text = new SectionText(bytes, view, 0, bytes.length, latin1);
      for (const [start, width, rows] of [
        [0, 32, 200],
        [3, 13, 77],
        [MAX_WHOLE - 256, 16, 40],
        [5, 0, 9],
      ] as const)
        expect(text.rows(start, width, rows)).toEqual(referenceRows(bytes, start, width, rows));
    }
  });

  it('empty ranges and padding only', () => {
    const bytes = new Uint8Array([0x20, 0, 0x20, 0x20, 0, 0, 0, 0x20, 0x20]);
    expect(firstDisagreement(bytes, 0, bytes.length, 1)).toBeUndefined();
    expect(firstDisagreement(new Uint8Array(0), 0, 0, 1)).toBeUndefined();
    expect(referenceString(bytes, 0, bytes.length)).toBe('');
  });
});
