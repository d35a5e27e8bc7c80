/**
 * The data section as one typed array of words in host order. Intel (and DEC integer) data on a
 * little-endian host is a zero-copy view when aligned; other encodings are decoded in one pass.
 */
import { decodeVax, type NumberCodec } from './codec.js';

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function rawFloats(bytes: Uint8Array, start: number, count: number, codec: NumberCodec): Float32Array {
  const offset = bytes.byteOffset + start;
  if (codec.processor === 'intel' && HOST_LITTLE) {
    if (offset % 4 === 0) return new Float32Array(bytes.buffer, offset, count);
    return new Float32Array(bytes.slice(start, start + count * 4).buffer);
  }
  const out = new Float32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (codec.processor === 'mips') {
    for (let i = 0, o = start; i < count; i++, o += 4) out[i] = view.getFloat32(o, false);
  } else if (codec.processor === 'dec') {
    for (let i = 0, o = start; i < count; i++, o += 4) out[i] = decodeVax(view, o);
  } else {
    for (let i = 0, o = start; i < count; i++, o += 4) out[i] = view.getFloat32(o, true);
  }
  return out;
}

export function rawInts(bytes: Uint8Array, start: number, count: number, codec: NumberCodec): Int16Array {
  const offset = bytes.byteOffset + start;
  if (codec.littleEndian && HOST_LITTLE) {
    if (offset % 2 === 0) return new Int16Array(bytes.buffer, offset, count);
    return new Int16Array(bytes.slice(start, start + count * 2).buffer);
  }
  const out = new Int16Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = codec.littleEndian;
  for (let i = 0, o = start; i < count; i++, o += 2) out[i] = view.getInt16(o, little);
  return out;
}
