/**
 * Number decoding for the three C3D processor types. Header and parameter words go
 * through these small functions; the sample hot loops are specialised in decode/.
 */
export type Processor = 'intel' | 'dec' | 'mips';

export interface NumberCodec {
  readonly processor: Processor;
  readonly littleEndian: boolean;
  i16(view: DataView, offset: number): number;
  u16(view: DataView, offset: number): number;
  f32(view: DataView, offset: number): number;
}

const scratch = new DataView(new ArrayBuffer(4));

/**
 * VAX F floats are stored as two little-endian 16-bit words, most significant word first;
 * with the words swapped the bit layout is IEEE's, but the exponent bias is 2 higher: the value
 * is the IEEE reading / 4. For exponents 3..255 that is the exponent field minus 2 (exact, and
 * right for 255, which IEEE would read as Inf/NaN); 1 and 2 give IEEE subnormals (a float32
 * division); a zero exponent is 0 (VAX has no subnormals).
 */
export function decodeVax(view: DataView, offset: number): number {
  const hi = view.getUint16(offset, true);
  const lo = view.getUint16(offset + 2, true);
  const bits = (hi << 16) | lo;
  const exp = (bits >>> 23) & 0xff;
  if (exp === 0) return 0;
  if (exp <= 2) return vaxSmall(bits);
  scratch.setInt32(0, bits - VAX_BIAS_STEP, true);
  return scratch.getFloat32(0, true);
}

/** Two in the exponent field of a float32's bits (a factor of 4). */
export const VAX_BIAS_STEP = 2 << 23;

/** A VAX word with exponent 1 or 2 (IEEE-read bits): the float32 quotient by 4 (a subnormal). */
function vaxSmall(bits: number): number {
  scratch.setInt32(0, bits, true);
  return Math.fround(scratch.getFloat32(0, true) / 4);
}

export function encodeVax(view: DataView, offset: number, value: number): void {
  scratch.setFloat32(0, value * 4, true);
  const bits = scratch.getUint32(0, true);
  if (value === 0 || (bits & 0x7f800000) === 0) {
    view.setUint32(offset, 0, true);
    return;
  }
  view.setUint16(offset, bits >>> 16, true);
  view.setUint16(offset + 2, bits & 0xffff, true);
}

// Three literal codecs rather than one factory: each accessor's byte order is a constant the
// compiler folds, and each processor's parameter-word reads get their own call targets.
export const intelCodec: NumberCodec = {
  processor: 'intel',
  littleEndian: true,
  i16: (v, o) => v.getInt16(o, true),
  u16: (v, o) => v.getUint16(o, true),
  f32: (v, o) => v.getFloat32(o, true),
};

export const decCodec: NumberCodec = {
  processor: 'dec',
  littleEndian: true,
  i16: (v, o) => v.getInt16(o, true),
  u16: (v, o) => v.getUint16(o, true),
  f32: decodeVax,
};

export const mipsCodec: NumberCodec = {
  processor: 'mips',
  littleEndian: false,
  i16: (v, o) => v.getInt16(o, false),
  u16: (v, o) => v.getUint16(o, false),
  f32: (v, o) => v.getFloat32(o, false),
};

/** Parameter header byte 4 holds 83 + processor type. */
export function codecForProcessorByte(byte: number): NumberCodec | undefined {
  if (byte === 84) return intelCodec;
  if (byte === 85) return decCodec;
  if (byte === 86) return mipsCodec;
  return undefined;
}

export function codecFor(processor: Processor): NumberCodec {
  return processor === 'intel' ? intelCodec : processor === 'dec' ? decCodec : mipsCodec;
}

export const PROCESSOR_BYTE: Record<Processor, number> = { intel: 84, dec: 85, mips: 86 };
