/** C3D strings: fixed-width, padded with spaces or NULs, UTF-8 in new files and Latin-1 in old ones. */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * The text of bytes[start, end) without its padding. `view` is a DataView over the same bytes
 * (byte i of the view = bytes[i]), so that the padding is skipped four bytes at a time: CHAR
 * arrays are mostly padding (50-byte DESCRIPTIONS rows holding 15 characters), and skipping it
 * byte by byte was a quarter of a large parameter section's reading time.
 */
export function decodeString(bytes: Uint8Array, view: DataView, start: number, end: number): string {
  const stop = textEnd(bytes, view, start, end);
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

/**
 * `rows` strings of `width` bytes each from `start` (a CHAR array), each as decodeString reads
 * it. An all-ASCII array is decoded by one TextDecoder call and cut into rows with substring:
 * building each row from its bytes in JS cost ~25 % more for arrays of many rows (142 labels
 * and 142 descriptions). Small arrays, and arrays with any byte that is not ASCII (a row may be
 * Latin-1), are decoded row by row.
 */
export function decodeRows(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  width: number,
  rows: number,
): string[] {
  const out = new Array<string>(rows);
  const all =
    rows >= WHOLE_ARRAY_ROWS && width > 0
      ? asciiText(bytes.subarray(start, start + rows * width))
      : undefined;
  if (all === undefined) {
    for (let r = 0, at = start; r < rows; r++, at += width)
      out[r] = decodeString(bytes, view, at, at + width);
    return out;
  }
  for (let r = 0, at = start; r < rows; r++, at += width)
    out[r] = all.substring(at - start, textEnd(bytes, view, at, at + width) - start);
  return out;
}

/** Below this many rows the per-row path is as fast (TextDecoder's per-call cost). */
const WHOLE_ARRAY_ROWS = 8;

/** The bytes as a string if they are all ASCII (one character per byte), else undefined. */
function asciiText(slice: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(slice);
  } catch {
    return undefined;
  }
  // valid UTF-8 of the same length holds no multi-byte sequence: every byte is ASCII
  return text.length === slice.length ? text : undefined;
}

function unicodeString(slice: Uint8Array): string {
  try {
    return utf8.decode(slice);
  } catch {
    // Not valid UTF-8: older software wrote Latin-1 (e.g. a degree sign in UNITS).
    return latin1.decode(slice);
  }
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
