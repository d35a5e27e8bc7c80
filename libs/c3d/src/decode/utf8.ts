/**
 * Whether bytes are well-formed UTF-8 as the Encoding standard reads them (what a fatal
 * TextDecoder accepts): no overlong forms, no surrogates, nothing above U+10FFFF, no truncated
 * sequence.
 *
 * Tested against: a fatal TextDecoder('utf-8'), answer for answer on the classic edge cases and
 * on 20 000 random byte strings (text.spec.ts).
 *
 * Why shaped so: the string decoder must choose between UTF-8 and Latin-1 for every string
 * that is not ASCII; asking a fatal decoder means an exception per Latin-1 string, and a throw
 * costs more than validating the bytes in a loop.
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
