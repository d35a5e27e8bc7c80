/** C3D strings: fixed-width, padded with spaces or NULs, UTF-8 in new files and Latin-1 in old ones. */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

export function decodeString(bytes: Uint8Array, start: number, end: number): string {
  let stop = end;
  while (stop > start && (bytes[stop - 1] === 0x20 || bytes[stop - 1] === 0)) stop--;
  let ascii = true;
  for (let i = start; i < stop; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return asciiString(bytes, start, stop);
  const slice = bytes.subarray(start, stop);
  try {
    return utf8.decode(slice);
  } catch {
    // Not valid UTF-8: older software wrote Latin-1 (e.g. a degree sign in UNITS).
    return latin1.decode(slice);
  }
}

/**
 * ASCII bytes as a string, eight characters per String.fromCharCode call: a parameter section
 * is mostly short names and labels, where one concatenation per character (a new string each)
 * cost ~2.5x as much, and TextDecoder's per-call cost is higher still at these lengths.
 */
function asciiString(b: Uint8Array, start: number, stop: number): string {
  let out = '';
  let i = start;
  for (; i + 7 < stop; i += 8)
    out += String.fromCharCode(
      b[i]!,
      b[i + 1]!,
      b[i + 2]!,
      b[i + 3]!,
      b[i + 4]!,
      b[i + 5]!,
      b[i + 6]!,
      b[i + 7]!,
    );
  for (; i < stop; i++) out += String.fromCharCode(b[i]!);
  return out;
}

/** Encode for writing: UTF-8, so a reader decodes exactly what was written. */
export function encodeString(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
