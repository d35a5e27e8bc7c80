/** Number encoding for the writer, mirroring codec.ts. */
import { encodeVax, type Processor } from '../codec.js';

export interface Encoder {
  i16(view: DataView, offset: number, value: number): void;
  f32(view: DataView, offset: number, value: number): void;
}

/** Out-of-range integers are clamped rather than wrapped, so a bad value cannot flip sign. */
export function clampWord(value: number): number {
  const r = Math.round(value);
  return r > 32767 ? 32767 : r < -32768 ? -32768 : r;
}

export function encoderFor(processor: Processor): Encoder {
  const little = processor !== 'mips';
  return {
    i16: (v, o, x) => v.setInt16(o, x, little),
    f32: processor === 'dec' ? encodeVax : (v, o, x) => v.setFloat32(o, x, little),
  };
}
