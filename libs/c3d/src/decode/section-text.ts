/**
 * The strings of one parameter section, bytes[from, to). Where the runtime decodes Latin-1
 * natively, the section is made one string up front, and each string of it whose bytes are all
 * ASCII is a substring of that; other strings, and every string where there is no native
 * decoder, are decoded as decodeString (text.ts) does.
 *
 * Tested against: referenceString and referenceRows (decode/reference/text.ts), string for
 * string over the real files' parameter sections and synthetic sections, with the native
 * decoder and without one (text-vs-reference.spec.ts).
 *
 * Why shaped so: built in JS from its bytes, a name of 8-15 characters takes two fromCharCode
 * calls and a concatenation, and a large section spends much of its reading time on names; a
 * substring of one natively decoded string is far cheaper. The substrings of 13 characters or
 * more refer to the section string and keep it alive (the size of the section, one byte a
 * character). The ASCII test reads four bytes at a time through a DataView.
 */
import { fromBytes, textEnd } from './text.js';

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
 * Node's Buffer decodes Latin-1 natively; TextDecoder's 'latin1' (through ICU, and
 * windows-1252 in fact) is many times slower.
 */
export const nativeLatin1: Latin1 | undefined = nodeBuffer
  ? (bytes, from, to) =>
      nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to)
  : undefined;

/** The most bytes of a section made one string: 256 blocks. */
export const MAX_WHOLE = 256 * 512;

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

function isAscii(bytes: Uint8Array, view: DataView, start: number, stop: number): boolean {
  let high = 0;
  let i = start;
  for (; i + 4 <= stop; i += 4) high |= view.getUint32(i, true);
  for (; i < stop; i++) high |= bytes[i]!;
  return (high & 0x80808080) === 0;
}
