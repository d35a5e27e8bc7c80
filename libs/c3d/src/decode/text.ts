/**
 * C3D strings as read: fixed-width, padded with spaces or NULs, UTF-8 in new files and Latin-1
 * in old ones. decodeString gives the text of a byte range without its padding; textEnd and
 * fromBytes are its two steps, shared with SectionText (section-text.ts).
 *
 * Tested against: referenceString (decode/reference/text.ts), which trims byte by byte and
 * decodes with a fatal UTF-8 TextDecoder, else Latin-1, string for string over the real files'
 * parameter sections and synthetic bytes (text-vs-reference.spec.ts).
 *
 * Why shaped so: CHAR arrays are mostly padding (50-byte DESCRIPTIONS rows holding 15
 * characters), so the padding is skipped four bytes at a time through a DataView; and a
 * parameter section is mostly short ASCII names and labels, which asciiString builds eight
 * characters per String.fromCharCode call, testing for ASCII in the same pass: one
 * concatenation per character makes a new string each, and TextDecoder's per-call cost is
 * higher still at these lengths.
 */
import { isUtf8 } from './utf8.js';

// not fatal: isUtf8 has decided first (a replacement character rather than a throw, were it wrong)
const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/**
 * The text of bytes[start, end) without its padding. `view` is a DataView over the same bytes
 * (byte i of the view = bytes[i]).
 */
export function decodeString(bytes: Uint8Array, view: DataView, start: number, end: number): string {
  return fromBytes(bytes, start, textEnd(bytes, view, start, end));
}

/** bytes[start, stop) as a string: ASCII, else UTF-8, else Latin-1. */
export function fromBytes(bytes: Uint8Array, start: number, stop: number): string {
  return asciiString(bytes, start, stop) ?? unicodeString(bytes.subarray(start, stop));
}

/** Where the text of bytes[start, end) ends: its trailing spaces and NULs skipped. */
export function textEnd(bytes: Uint8Array, view: DataView, start: number, end: number): number {
  let stop = end;
  while (stop - 4 >= start) {
    const w = view.getUint32(stop - 4, true);
    if (w !== 0x20202020 && w !== 0) break;
    stop -= 4;
  }
  while (stop > start && (bytes[stop - 1] === 0x20 || bytes[stop - 1] === 0)) stop--;
  return stop;
}

function unicodeString(slice: Uint8Array): string {
  // Not valid UTF-8: older software wrote Latin-1 (e.g. a degree sign in UNITS). Validated
  // here rather than by a fatal decoder's exception: a throw costs more than reading a small
  // file's other strings.
  return isUtf8(slice) ? utf8.decode(slice) : latin1.decode(slice);
}

/** ASCII bytes as a string, or undefined at the first byte that is not ASCII. */
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
  // the last 1-7 characters (all of most names) in one call too: one concatenation each would
  // make a new string per character
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
