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
  let stop = end;
  while (stop - 4 >= start) {
    const w = view.getUint32(stop - 4, true);
    if (w !== 0x20202020 && w !== 0) break;
    stop -= 4;
  }
  while (stop > start && (bytes[stop - 1] === 0x20 || bytes[stop - 1] === 0)) stop--;
  return asciiString(bytes, start, stop) ?? unicodeString(bytes.subarray(start, stop));
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
