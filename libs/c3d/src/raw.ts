/**
 * The data section as one typed array of words in host order. Intel (and DEC integer) data on a
 * little-endian host is a zero-copy view when aligned; other encodings are decoded in one pass.
 */
import { decodeVax, VAX_BIAS_STEP, vaxSmall, type NumberCodec } from './codec.js';

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function rawFloats(bytes: Uint8Array, start: number, count: number, codec: NumberCodec): Float32Array {
  const offset = bytes.byteOffset + start;
  if (codec.processor === 'intel' && HOST_LITTLE) {
    if (offset % 4 === 0) return new Float32Array(bytes.buffer, offset, count);
    return new Float32Array(bytes.slice(start, start + count * 4).buffer);
  }
  if (HOST_LITTLE && codec.processor === 'mips') return mipsFloats(bytes, start, count);
  if (HOST_LITTLE && codec.processor === 'dec') return vaxFloats(bytes, start, count);
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
  if (HOST_LITTLE && !codec.littleEndian) {
    // big-endian words on a little-endian host: copy, then swap the bytes of each word
    const words = new Uint16Array(count);
    new Uint8Array(words.buffer).set(bytes.subarray(start, start + count * 2));
    const out = new Int16Array(words.buffer); // before the loop, as in mipsFloats
    for (let i = 0; i < count; i++) {
      const w = words[i]!;
      words[i] = (w << 8) | (w >>> 8);
    }
    return out;
  }
  const out = new Int16Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = codec.littleEndian;
  for (let i = 0, o = start; i < count; i++, o += 2) out[i] = view.getInt16(o, little);
  return out;
}

/** The section's words copied into an aligned buffer, as little-endian 32-bit integers. */
function words32(bytes: Uint8Array, start: number, count: number): Int32Array {
  // Int32Array, not Uint32Array: its elements stay 32-bit integers in optimised code
  const words = new Int32Array(count);
  new Uint8Array(words.buffer).set(bytes.subarray(start, start + count * 4));
  return words;
}

/** MIPS (big-endian IEEE) floats: one byte swap per word on the integer view. */
function mipsFloats(bytes: Uint8Array, start: number, count: number): Float32Array {
  const words = words32(bytes, start, count);
  // the view is made before the loop: code after a long first loop has no type feedback when
  // the loop is optimised on-stack, and reaching it would deoptimise every call
  const out = new Float32Array(words.buffer);
  for (let i = 0; i < count; i++) {
    const w = words[i]!;
    words[i] = (w >>> 24) | ((w >>> 8) & 0xff00) | ((w << 8) & 0xff0000) | (w << 24);
  }
  return out;
}

/** DEC (VAX F) floats in bulk, word for word as decodeVax. */
function vaxFloats(bytes: Uint8Array, start: number, count: number): Float32Array {
  const words = words32(bytes, start, count);
  const out = new Float32Array(words.buffer);
  for (let i = 0; i < count; i++) {
    const w = words[i]!;
    const bits = (w << 16) | (w >>> 16);
    const exp = (bits >>> 23) & 0xff;
    if (exp > 2) words[i] = bits - VAX_BIAS_STEP;
    else if (exp === 0) words[i] = 0;
    else out[i] = vaxSmall(bits);
  }
  return out;
}
