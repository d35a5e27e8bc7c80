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

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

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
 */
export function decodeFloats(
  bytes: Uint8Array,
  start: number,
  count: number,
  codec: NumberCodec,
  out: Int32Array,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, count * 4);
  if (codec.processor === 'dec') vaxWords(view, count, out);
  else ieeeWords(view, count, codec.processor === 'intel', out);
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

function ieeeWords(view: DataView, count: number, little: boolean, out: Int32Array): void {
  let i = 0;
  for (let o = 0; i + 7 < count; i += 8, o += 32) {
    out[i] = view.getInt32(o, little);
    out[i + 1] = view.getInt32(o + 4, little);
    out[i + 2] = view.getInt32(o + 8, little);
    out[i + 3] = view.getInt32(o + 12, little);
    out[i + 4] = view.getInt32(o + 16, little);
    out[i + 5] = view.getInt32(o + 20, little);
    out[i + 6] = view.getInt32(o + 24, little);
    out[i + 7] = view.getInt32(o + 28, little);
  }
  for (; i < count; i++) out[i] = view.getInt32(i * 4, little);
}

/**
 * DEC (VAX F) floats, word for word as decodeVax: read little-endian, the two 16-bit halves are
 * swapped relative to IEEE's layout (rotate by 16); exponent 3..255: the field minus 2 (exactly
 * /4); 0: zero; 1..2: the float32 quotient by 4, a subnormal.
 *
 * Branch-free: a mask from the exponent field zeroes the words with exponent 0..2 (branches on
 * the exponent mispredicted wherever zero and non-zero words alternate, as with unused analog
 * channels), and the loop only notes whether any word had exponent 1 or 2; those are rare
 * (one word in sample01's 75 520), so a second pass over this block alone puts them right.
 */
function vaxWords(view: DataView, count: number, out: Int32Array): void {
  let small = 0;
  let i = 0;
  // unrolled by eight, as the other passes: the loop re-checks both arrays every iteration
  for (let o = 0; i + 7 < count; i += 8, o += 32) {
    const w0 = view.getInt32(o, true);
    const w1 = view.getInt32(o + 4, true);
    const w2 = view.getInt32(o + 8, true);
    const w3 = view.getInt32(o + 12, true);
    const w4 = view.getInt32(o + 16, true);
    const w5 = view.getInt32(o + 20, true);
    const w6 = view.getInt32(o + 24, true);
    const w7 = view.getInt32(o + 28, true);
    out[i] = vaxBits(w0);
    out[i + 1] = vaxBits(w1);
    out[i + 2] = vaxBits(w2);
    out[i + 3] = vaxBits(w3);
    out[i + 4] = vaxBits(w4);
    out[i + 5] = vaxBits(w5);
    out[i + 6] = vaxBits(w6);
    out[i + 7] = vaxBits(w7);
    small |= subnormalField(w0) | subnormalField(w1) | subnormalField(w2) | subnormalField(w3);
    small |= subnormalField(w4) | subnormalField(w5) | subnormalField(w6) | subnormalField(w7);
  }
  for (; i < count; i++) {
    const w = view.getInt32(i * 4, true);
    out[i] = vaxBits(w);
    small |= subnormalField(w);
  }
  if (small === 0) return;
  const floats = new Float32Array(out.buffer, out.byteOffset, count);
  for (let j = 0; j < count; j++) {
    const w = view.getInt32(j * 4, true);
    if (subnormalField(w) !== 0) floats[j] = vaxSmall((w << 16) | (w >>> 16));
  }
}

// Literals, not VAX_BIAS_STEP: a module binding is re-read, with its TDZ check, in every
// iteration of the loops these are inlined into. 0x1000000 is 2 << 23, two in the exponent field.

/** IEEE bits of a little-endian-read VAX word with exponent 3..255 (minus 2), else 0. */
function vaxBits(w: number): number {
  const bits = (w << 16) | (w >>> 16);
  return (bits - 0x1000000) & ((0x1000000 - (bits & 0x7f800000)) >> 31);
}

/** Non-zero when the word's exponent field is 1 or 2 (a subnormal once divided by 4). */
function subnormalField(w: number): number {
  const exp = ((w << 16) | (w >>> 16)) & 0x7f800000;
  return exp & ~((0x1000000 - exp) >> 31);
}
