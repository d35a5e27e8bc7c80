/** C3D strings: fixed-width, padded with spaces or NULs, UTF-8 in new files and Latin-1 in old ones. */
// not fatal: isUtf8 has decided first (a replacement character rather than a throw, were it wrong)
const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/**
 * The text of bytes[start, end) without its padding. `view` is a DataView over the same bytes
 * (byte i of the view = bytes[i]), so that the padding is skipped four bytes at a time: CHAR
 * arrays are mostly padding (50-byte DESCRIPTIONS rows holding 15 characters), and skipping it
 * byte by byte was a quarter of a large parameter section's reading time.
 */
export function decodeString(bytes: Uint8Array, view: DataView, start: number, end: number): string {
  return fromBytes(bytes, start, textEnd(bytes, view, start, end));
}

/** bytes[start, stop) as a string: ASCII, else UTF-8, else Latin-1. */
function fromBytes(bytes: Uint8Array, start: number, stop: number): string {
  return asciiString(bytes, start, stop) ?? unicodeString(bytes.subarray(start, stop));
}

/** Where the text of bytes[start, end) ends: its trailing spaces and NULs skipped. */
function textEnd(bytes: Uint8Array, view: DataView, start: number, end: number): number {
  let stop = end;
  while (stop - 4 >= start) {
    const w = view.getUint32(stop - 4, true);
    if (w !== 0x20202020 && w !== 0) break;
    stop -= 4;
  }
  while (stop > start && (bytes[stop - 1] === 0x20 || bytes[stop - 1] === 0)) stop--;
  return stop;
}

/** A runtime's native Latin-1 decoder for bytes[from, to): one character per byte. */
export type Latin1 = (bytes: Uint8Array, from: number, to: number) => string;

const nodeBuffer = (
  globalThis as {
    Buffer?: {
      from(
        buffer: ArrayBufferLike,
        offset: number,
        length: number,
      ): { toString(encoding: 'latin1', start: number, end: number): string };
    };
  }
).Buffer;

/**
 * Node's Buffer decodes Latin-1 natively (~0.1 ns a byte); TextDecoder's 'latin1' (through ICU,
 * and windows-1252 in fact) took 25x as long.
 */
export const nativeLatin1: Latin1 | undefined = nodeBuffer
  ? (bytes, from, to) =>
      nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to)
  : undefined;

/**
 * The strings of one parameter section, bytes[from, to). Where the runtime decodes Latin-1
 * natively, the section is made one string up front, and each string of it whose bytes are all
 * ASCII is a substring of that: built in JS from its bytes, a name of 8-15 characters took two
 * fromCharCode calls and a concatenation (~60 ns; a 2879-parameter section spent half its
 * reading time on names). Other strings, and every string where there is no native decoder,
 * are decoded as decodeString does. The substrings of 13 characters or more refer to the
 * section string and keep it alive (the size of the section, one byte a character).
 */
export class SectionText {
  private readonly whole: string | undefined;
  private readonly to: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly view: DataView,
    private readonly from: number,
    to: number,
    latin1: Latin1 | null = nativeLatin1 ?? null,
  ) {
    // a section is at most 255 blocks by its header, but is read to its terminator (or the data
    // start): strings past this bound are read the slow way rather than the file made a string
    const last = Math.min(to, from + MAX_WHOLE);
    this.whole = latin1 && last > from ? latin1(bytes, from, last) : undefined;
    this.to = last;
  }

  /** The text of bytes[start, end) without its padding, as decodeString reads it. */
  read(start: number, end: number): string {
    const { bytes, view } = this;
    const stop = textEnd(bytes, view, start, end);
    if (
      this.whole !== undefined &&
      start >= this.from &&
      stop <= this.to &&
      isAscii(bytes, view, start, stop)
    )
      return this.whole.substring(start - this.from, stop - this.from);
    return fromBytes(bytes, start, stop);
  }

  /** `rows` strings of `width` bytes each from `start` (a CHAR array). */
  rows(start: number, width: number, rows: number): string[] {
    const out = new Array<string>(rows);
    for (let r = 0, at = start; r < rows; r++, at += width) out[r] = this.read(at, at + width);
    return out;
  }
}

/** The most bytes of a section made one string: 256 blocks. */
export const MAX_WHOLE = 256 * 512;

function isAscii(bytes: Uint8Array, view: DataView, start: number, stop: number): boolean {
  let high = 0;
  let i = start;
  for (; i + 4 <= stop; i += 4) high |= view.getUint32(i, true);
  for (; i < stop; i++) high |= bytes[i]!;
  return (high & 0x80808080) === 0;
}

function unicodeString(slice: Uint8Array): string {
  // Not valid UTF-8: older software wrote Latin-1 (e.g. a degree sign in UNITS). Validated
  // here rather than by a fatal decoder's exception: each throw cost ~8 µs, most of reading a
  // small file with three Latin-1 labels.
  return isUtf8(slice) ? utf8.decode(slice) : latin1.decode(slice);
}

/**
 * Whether the bytes are well-formed UTF-8 as the Encoding standard reads it (what a fatal
 * TextDecoder accepts): no overlong forms, no surrogates, nothing above U+10FFFF, no
 * truncated sequence.
 */
export function isUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) more = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      more = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      more = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + more >= n) return false;
    const c1 = b[i + 1]!;
    if (c1 < lo || c1 > hi) return false;
    for (let k = 2; k <= more; k++) if ((b[i + k]! & 0xc0) !== 0x80) return false;
    i += more + 1;
  }
  return true;
}

/**
 * ASCII bytes as a string, or undefined at the first byte that is not ASCII; eight characters
 * per String.fromCharCode call: a parameter section is mostly short names and labels, where
 * one concatenation per character (a new string each) cost ~2.5x as much, and TextDecoder's
 * per-call cost is higher still at these lengths. The ASCII test rides along in the same pass.
 */
function asciiString(b: Uint8Array, start: number, stop: number): string | undefined {
  let out = '';
  let i = start;
  for (; i + 7 < stop; i += 8) {
    const c0 = b[i]!;
    const c1 = b[i + 1]!;
    const c2 = b[i + 2]!;
    const c3 = b[i + 3]!;
    const c4 = b[i + 4]!;
    const c5 = b[i + 5]!;
    const c6 = b[i + 6]!;
    const c7 = b[i + 7]!;
    if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) >= 0x80) return undefined;
    out += String.fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7);
  }
  // the last 1-7 characters (all of most names) in one call too: one concatenation each cost
  // a new string per character
  let high = 0;
  for (let j = i; j < stop; j++) high |= b[j]!;
  if (high >= 0x80) return undefined;
  switch (stop - i) {
    case 0:
      return out;
    case 1:
      return out + String.fromCharCode(b[i]!);
    case 2:
      return out + String.fromCharCode(b[i]!, b[i + 1]!);
    case 3:
      return out + String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!);
    case 4:
      return out + String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);
    case 5:
      return out + String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!);
    case 6:
      return out + String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!);
    default:
      return (
        out + String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!)
      );
  }
}

/** Encode for writing: UTF-8, so a reader decodes exactly what was written. */
export function encodeString(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
