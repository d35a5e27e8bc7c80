/**
 * The data section's words in place: Intel floats and little-endian (Intel, DEC) integers on
 * a little-endian host, aligned to their word size, are split straight from typed-array views
 * of the file's bytes. Every other section is read through a DataView by the split itself
 * (view-split.ts).
 */
import { type NumberCodec } from './codec.js';

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
