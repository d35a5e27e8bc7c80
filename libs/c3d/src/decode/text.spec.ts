// Parameter strings: padding removed (spaces and NULs, in any mix and length, skipped four bytes
// at a time where it can be), ASCII, UTF-8 and Latin-1 text; strings of a
// section as substrings of the section's one Latin-1 string where they are ASCII.
import { describe, expect, it } from '@jest/globals';
import { MAX_WHOLE, SectionText, nativeLatin1 } from './section-text.js';
import { decodeString } from './text.js';
import { isUtf8 } from './utf8.js';

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
function charArray(rows: (number[] | string)[], width: number, pad = [0x20]): number[] {
  const out: number[] = [];
  for (const row of rows) {
    const bytes = typeof row === 'string' ? enc(row) : row;
    for (let i = 0; i < width; i++) out.push(i < bytes.length ? bytes[i]! : pad[i % pad.length]!);
  }
  return out;
}

/** decodeString on each row: what SectionText must give with or without its section string. */
function rowByRow(array: Uint8Array, start: number, width: number, rows: number): string[] {
  const view = new DataView(array.buffer);
  return Array.from({ length: rows }, (_, r) =>
    decodeString(array, view, start + r * width, start + (r + 1) * width),
  );
}

describe('SectionText', () => {
  it('is given a native Latin-1 decoder under Node, one character per byte', () => {
    expect(nativeLatin1).toBeDefined();
    const bytes = new Uint8Array([0x41, 0xb0, 0xe9, 0xff, 0x80, 0]);
    expect(nativeLatin1!(bytes, 1, 5)).toBe('\u00b0\u00e9\u00ff\u0080');
  });

  const labels = Array.from({ length: 30 }, (_, i) => (i % 7 === 3 ? '' : `LMKR ${i + 1}`));
  const latin1Cases = [
    ['native Latin-1', nativeLatin1],
    ['no native decoder', null],
  ] as const;

  describe.each(latin1Cases)('with %s', (_, latin1) => {
    const text = (bytes: number[], from = 0, to = bytes.length) => {
      const array = new Uint8Array(bytes);
      return { array, text: new SectionText(array, new DataView(array.buffer), from, to, latin1) };
    };

    it('reads ASCII rows, padded with spaces, NULs or both, as decodeString does', () => {
      for (const pad of [[0x20], [0], [0x20, 0, 0]]) {
        const { array, text: t } = text(charArray(labels, 12, pad));
        expect(t.rows(0, 12, 30)).toEqual(labels);
        expect(t.rows(0, 12, 30)).toEqual(rowByRow(array, 0, 12, 30));
      }
    });

    it('keeps inner and leading spaces, and reads only its own rows', () => {
      const texts = [' ---', 'a b', 'x  y', '', 'end'];
      const bytes = [...enc('LEFTOVER'), ...charArray(texts, 6), ...enc('NEXT')];
      expect(text(bytes).text.rows(8, 6, texts.length)).toEqual(texts);
      expect(text(bytes).text.read(0, 8)).toBe('LEFTOVER');
    });

    it('reads UTF-8 and Latin-1 strings as decodeString does', () => {
      const rows = ['CH1', 'EMG µV', [0x64, 0x65, 0x67, 0xb0], 'Left front head, longer', ''];
      const { array, text: t } = text(charArray(rows, 24));
      expect(t.rows(0, 24, rows.length)).toEqual(['CH1', 'EMG µV', 'deg°', 'Left front head, longer', '']);
      expect(t.rows(0, 24, rows.length)).toEqual(rowByRow(array, 0, 24, rows.length));
    });

    it('reads strings outside its section, and past its one-string bound, from their bytes', () => {
      const bytes = [...enc('BEFORE'), ...enc('SECTION'), ...enc('AFTER')];
      expect(text(bytes, 6, 13).text.read(0, 6)).toBe('BEFORE');
      expect(text(bytes, 6, 13).text.read(6, 13)).toBe('SECTION');
      expect(text(bytes, 6, 13).text.read(13, 18)).toBe('AFTER');
      const big = new Array<number>(MAX_WHOLE + 64).fill(0x20);
      big.splice(MAX_WHOLE + 8, 5, ...enc('LATER'));
      big.splice(MAX_WHOLE - 2, 4, ...enc('EDGE'));
      const t = text(big).text;
      expect(t.read(MAX_WHOLE + 8, MAX_WHOLE + 16)).toBe('LATER');
      expect(t.read(MAX_WHOLE - 2, MAX_WHOLE + 2)).toBe('EDGE');
    });

    it('gives empty strings for zero-width rows', () => {
      expect(text([]).text.rows(0, 0, 9)).toEqual(Array(9).fill(''));
    });
  });
});

describe('isUtf8', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const accepts = (bytes: Uint8Array): boolean => {
    try {
      fatal.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };

  it.each([
    ['ASCII', [0x41, 0x42]],
    ['two-byte', [0xc3, 0xbc]],
    ['three-byte', [0xe2, 0x82, 0xac]],
    ['four-byte', [0xf0, 0x9f, 0x98, 0x80]],
    ['U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf]],
    ['overlong two-byte', [0xc0, 0xaf]],
    ['overlong C1', [0xc1, 0xbf]],
    ['overlong three-byte', [0xe0, 0x80, 0xaf]],
    ['overlong four-byte', [0xf0, 0x80, 0x80, 0xaf]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['F5 lead', [0xf5, 0x80, 0x80, 0x80]],
    ['lone continuation', [0x80]],
    ['Latin-1 ü', [0x48, 0xfc, 0x66, 0x74, 0x65]],
    ['truncated at the end', [0x41, 0xe2, 0x82]],
    ['continuation missing mid-text', [0xe2, 0x41, 0xac]],
  ])('agrees with a fatal TextDecoder on %s', (_, bytes) => {
    const array = new Uint8Array(bytes);
    expect(isUtf8(array)).toBe(accepts(array));
  });

  it('agrees with a fatal TextDecoder on 20 000 random byte strings', () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    // mostly high bytes and well-formed sequences with one byte changed, so both answers occur
    const samples = ['aé€😀', 'Hüfte', 'µV °C'].map((t) => new TextEncoder().encode(t));
    let valid = 0;
    for (let n = 0; n < 20000; n++) {
      const base = samples[n % samples.length]!;
      const bytes =
        n % 2 === 0
          ? Uint8Array.from({ length: 1 + (next() % 6) }, () => 0x80 + (next() % 0x80))
          : base.map((v, i) => (i === next() % base.length ? next() & 0xff : v));
      const expected = accepts(bytes);
      if (expected) valid++;
      expect(isUtf8(bytes)).toBe(expected);
    }
    expect(valid).toBeGreaterThan(1000);
    expect(valid).toBeLessThan(19000);
  });
});
