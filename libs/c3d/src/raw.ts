/**
 * Words of the data section in host order. Intel floats (and little-endian integers) on a
 * little-endian host are used in place when aligned (`directFloats` / `directInts`). Integer
 * sections that are not are decoded into a caller's buffer a block at a time (`decodeInts`), so
 * that samples.ts can de-interleave each block while it is still in cache; float sections that
 * are not are read through a DataView by the split itself (view-split.ts).
 *
 * decodeInts reads with DataView (a plain or byte-swapped load, on any host), unrolled by eight:
 * at one word per iteration the loop's own bookkeeping cost about as much as the load.
 */
import { type NumberCodec } from './codec.js';

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
