/**
 * Words of the data section in host order. Intel (and DEC integer) data on a little-endian host
 * is used in place when aligned (`directFloats` / `directInts`); every other encoding is decoded
 * into a caller's buffer, a block at a time (`decodeFloats` / `decodeInts`), so that samples.ts
 * can de-interleave each block while it is still in cache instead of making a converted copy of
 * the whole section first (a second section-sized array on fresh pages, and a second pass).
 *
 * The decoding passes read with DataView (a plain or byte-swapped load, on any host) and are
 * unrolled by eight: at one word per iteration the loop's own bookkeeping cost about as much as
 * the load, ~2 ns a word instead of ~0.9 ns.
 */
import { vaxSmall, type NumberCodec } from './codec.js';

export const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The section's floats in place, or undefined if they need decoding (other byte order, unaligned). */
export function directFloats(
  bytes: Uint8Array,
  start: number,
  count: number,
  codec: NumberCodec,
): Float32Array | undefined {
  const offset = bytes.byteOffset + start;
  if (codec.processor !== 'intel' || !HOST_LITTLE || offset % 4 !== 0) return undefined;
  return new Float32Array(bytes.buffer, offset, count);
}

/** The section's 16-bit words in place, or undefined if they need decoding. */
export function directInts(
  bytes: Uint8Array,
  start: number,
  count: number,
  codec: NumberCodec,
): Int16Array | undefined {
  const offset = bytes.byteOffset + start;
  if (!codec.littleEndian || !HOST_LITTLE || offset % 2 !== 0) return undefined;
  return new Int16Array(bytes.buffer, offset, count);
}

/**
 * Decodes `count` float words from byte `start` into `out` (the bits of each float32, as
 * Int32Array: read through a Float32Array view of the same buffer). IEEE words are moved as
 * integers, so the bits are kept exactly (signalling NaN payloads included), where a float load
 * and store may quiet them.
 *
 * The words are read through an Int32Array view where the section is 4-byte aligned (as it is
 * in a file read whole: the data starts on a 512-byte block); otherwise they are first copied
 * into `out` (a memcpy) and converted there in place. Typed-array loads in int32 arithmetic
 * compile to about half the instructions of the DataView reads this replaced.
 */
export function decodeFloats(
  bytes: Uint8Array,
  start: number,
  count: number,
  codec: NumberCodec,
  out: Int32Array,
): void {
  const at = bytes.byteOffset + start;
  const src = at % 4 === 0 ? new Int32Array(bytes.buffer, at, count) : alignedCopy(bytes, start, count);
  const little = HOST_LITTLE === (codec.processor !== 'mips');
  if (codec.processor === 'dec' && HOST_LITTLE) vaxWords(src, count, out);
  else if (codec.processor === 'dec') vaxWordsSwapped(src, count, out);
  else if (!little) swapWords(src, count, out);
  else if (src !== out) out.set(src);
}

export function decodeInts(
  bytes: Uint8Array,
  start: number,
  count: number,
  codec: NumberCodec,
  out: Int16Array,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, count * 2);
  const little = codec.littleEndian;
  let i = 0;
  for (let o = 0; i + 7 < count; i += 8, o += 16) {
    out[i] = view.getInt16(o, little);
    out[i + 1] = view.getInt16(o + 2, little);
    out[i + 2] = view.getInt16(o + 4, little);
    out[i + 3] = view.getInt16(o + 6, little);
    out[i + 4] = view.getInt16(o + 8, little);
    out[i + 5] = view.getInt16(o + 10, little);
    out[i + 6] = view.getInt16(o + 12, little);
    out[i + 7] = view.getInt16(o + 14, little);
  }
  for (; i < count; i++) out[i] = view.getInt16(i * 2, little);
}

// The word loops below are unrolled by four with int32 index arithmetic (`| 0`) and the
// conversion written out in each step: V8 re-checks both arrays once per iteration, and a
// helper function, even inlined, was re-checked as a module binding at every call.

/**
 * Byte-reversed 32-bit words (big-endian words on a little-endian host, and the reverse),
 * through DataView: V8 compiles its opposite-order reads to a load and a bswap, about half the
 * cost of reversing with shifts and masks.
 */
function swapWords(src: Int32Array, count: number, out: Int32Array): void {
  const view = new DataView(src.buffer, src.byteOffset, count * 4);
  const little = !HOST_LITTLE;
  let i = 0;
  for (let o = 0; i + 3 < count; i = (i + 4) | 0, o = (o + 16) | 0) {
    out[i] = view.getInt32(o, little);
    out[(i + 1) | 0] = view.getInt32((o + 4) | 0, little);
    out[(i + 2) | 0] = view.getInt32((o + 8) | 0, little);
    out[(i + 3) | 0] = view.getInt32((o + 12) | 0, little);
  }
  for (; i < count; i = (i + 1) | 0) out[i] = view.getInt32(i * 4, little);
}

/**
 * DEC (VAX F) floats, word for word as decodeVax: read little-endian, the two 16-bit halves are
 * swapped relative to IEEE's layout (rotate by 16); exponent 3..255: the field minus 2 (exactly
 * /4); 0: zero; 1..2: the float32 quotient by 4, a subnormal.
 *
 * Branch-free for the common words: a mask from the exponent field (all ones for exponent
 * 3..255) zeroes the words with exponent 0..2 (branches on the exponent mispredicted wherever
 * zero and non-zero words alternate, as with unused analog channels). Exponents 1 and 2 are
 * rare (one word in sample01's 75 520): a group of four that has one takes a branch that puts
 * them right from the rotated words it still holds, so the conversion can run in place.
 * 0x1000000 is two in the exponent field.
 */
function vaxWords(src: Int32Array, count: number, out: Int32Array): void {
  let small = 0;
  let i = 0;
  // each word is finished before the next is loaded: with four in flight, V8's register
  // allocator spilled most of them to the stack
  for (; i + 3 < count; i = (i + 4) | 0) {
    let w = src[i]!;
    let r = (w << 16) | (w >>> 16);
    let e = r & 0x7f800000;
    let m = (0x1000000 - e) >> 31;
    out[i] = (r - 0x1000000) & m;
    small |= e & ~m;
    w = src[(i + 1) | 0]!;
    r = (w << 16) | (w >>> 16);
    e = r & 0x7f800000;
    m = (0x1000000 - e) >> 31;
    out[(i + 1) | 0] = (r - 0x1000000) & m;
    small |= e & ~m;
    w = src[(i + 2) | 0]!;
    r = (w << 16) | (w >>> 16);
    e = r & 0x7f800000;
    m = (0x1000000 - e) >> 31;
    out[(i + 2) | 0] = (r - 0x1000000) & m;
    small |= e & ~m;
    w = src[(i + 3) | 0]!;
    r = (w << 16) | (w >>> 16);
    e = r & 0x7f800000;
    m = (0x1000000 - e) >> 31;
    out[(i + 3) | 0] = (r - 0x1000000) & m;
    small |= e & ~m;
  }
  for (; i < count; i = (i + 1) | 0) {
    const w = src[i]!;
    const r = (w << 16) | (w >>> 16);
    const e = r & 0x7f800000;
    const m = (0x1000000 - e) >> 31;
    out[i] = (r - 0x1000000) & m;
    small |= e & ~m;
  }
  if (small === 0) return;
  // exponent 1 or 2 somewhere in the block: those words again, from the source
  const floats = new Float32Array(out.buffer, out.byteOffset, count);
  for (let j = 0; j < count; j++) {
    const w = src[j]!;
    const r = (w << 16) | (w >>> 16);
    const e = r & 0x7f800000;
    if (e !== 0 && e <= 0x1000000) floats[j] = vaxSmall(r);
  }
}

/** vaxWords on a big-endian host: the little-endian words are byte-reversed first. */
function vaxWordsSwapped(src: Int32Array, count: number, out: Int32Array): void {
  const swapped = new Int32Array(count);
  swapWords(src, count, swapped);
  vaxWords(swapped, count, out);
}

/**
 * An unaligned section's words copied to a 4-byte aligned buffer (a memcpy), so that every
 * encoding is read through an Int32Array. The buffer is kept between calls, as samples.ts
 * keeps its block buffer; a larger request gets one of its own.
 */
let staging: ArrayBuffer | undefined;

export function alignedCopy(bytes: Uint8Array, start: number, count: number): Int32Array {
  const size = count * 4;
  let buffer: ArrayBuffer;
  if (size <= STAGING_BYTES) buffer = staging ??= new ArrayBuffer(STAGING_BYTES);
  else buffer = new ArrayBuffer(size);
  new Uint8Array(buffer, 0, size).set(bytes.subarray(start, start + size));
  return new Int32Array(buffer, 0, count);
}

const STAGING_BYTES = 65536;
