/**
 * Plain reference for the string kernels (decodeString, SectionText): trailing spaces and NULs
 * removed byte by byte, then the bytes decoded as UTF-8 by a fatal TextDecoder, or as Latin-1
 * where they are not UTF-8. Written to be read, not fast: the kernels must give exactly these
 * strings.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
// the Encoding standard's 'latin1' label (windows-1252), as the kernels decode non-UTF-8 bytes
const latin1 = new TextDecoder('latin1');

/** The text of bytes[start, end) without its padding. */
export function referenceString(bytes: Uint8Array, start: number, end: number): string {
  let stop = end;
  while (stop > start && (bytes[stop - 1] === 0x20 || bytes[stop - 1] === 0)) stop--;
  const slice = bytes.subarray(start, stop);
  try {
    return utf8.decode(slice);
  } catch (error) {
    // a fatal TextDecoder throws a TypeError on bytes that are not UTF-8 (checked by name: under
    // a test runner's VM context it is another realm's TypeError, and Error too)
    if ((error as { name?: unknown } | null)?.name !== 'TypeError') throw error;
    return latin1.decode(slice);
  }
}

/** `rows` strings of `width` bytes each from `start` (a CHAR array). */
export function referenceRows(bytes: Uint8Array, start: number, width: number, rows: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) out.push(referenceString(bytes, start + r * width, start + (r + 1) * width));
  return out;
}
