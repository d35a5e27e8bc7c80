/**
 * Plain reference for decodeSamples: frame by frame, point by point, channel by channel, each
 * word read with the codec's scalar readers (a DataView; decodeVax for DEC floats) and written
 * into arrays of its own. Written to be read, not fast: the kernels in decode/ must give
 * exactly these bytes.
 */
import { type NumberCodec } from '../../codec.js';
import { type Layout } from '../../layout.js';
import { type AnalogScaling, type Samples } from '../samples.js';

export function referenceSamples(
  bytes: Uint8Array,
  layout: Layout,
  codec: NumberCodec,
  scaling: AnalogScaling,
): Samples {
  const { pointCount: P, channels: C, samplesPerFrame: S, frames: F } = layout;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isFloat = layout.format === 'float';
  const wordBytes = isFloat ? 4 : 2;
  const wordsPerFrame = 4 * P + C * S;
  /** Word `index` of the data section, as a number. */
  const word = (index: number): number => {
    const at = layout.dataStart + index * wordBytes;
    return isFloat ? codec.f32(view, at) : codec.i16(view, at);
  };

  const points = {
    x: Array.from({ length: P }, () => new Float32Array(F)),
    y: Array.from({ length: P }, () => new Float32Array(F)),
    z: Array.from({ length: P }, () => new Float32Array(F)),
    residual: Array.from({ length: P }, () => new Float32Array(F)),
    camera: Array.from({ length: P }, () => new Uint8Array(F)),
  };
  const channels = Array.from({ length: C }, () => new Float64Array(F * S));

  for (let f = 0; f < F; f++) {
    const frame = f * wordsPerFrame;
    for (let p = 0; p < P; p++) {
      // float coordinates are stored as they are; integer ones are in units of POINT:SCALE
      const coordinate = (k: number) =>
        isFloat ? word(frame + 4 * p + k) : word(frame + 4 * p + k) * layout.pointScale;
      points.x[p]![f] = coordinate(0);
      points.y[p]![f] = coordinate(1);
      points.z[p]![f] = coordinate(2);
      const [residual, camera] = residualWord(word(frame + 4 * p + 3), Math.abs(layout.pointScale));
      points.residual[p]![f] = residual;
      points.camera[p]![f] = camera;
    }
    for (let s = 0; s < S; s++) {
      for (let c = 0; c < C; c++) {
        let sample = word(frame + 4 * P + s * C + c);
        // UNSIGNED integer files store samples as uint16
        if (!isFloat && scaling.unsigned) sample &= 0xffff;
        channels[c]![f * S + s] = (sample - scaling.offset[c]!) * scaling.factor[c]!;
      }
    }
  }
  return { points, channels };
}

/**
 * A point's fourth word: residual (low byte, in units of |POINT:SCALE|) and camera mask (high
 * byte); negative or NaN marks the point invalid. A float word is truncated to int32 first.
 */
function residualWord(word: number, unit: number): [residual: number, camera: number] {
  if (word < 0 || Number.isNaN(word)) return [-1, 0];
  const bits = word | 0;
  return [(bits & 0xff) * unit, (bits >> 8) & 0xff];
}
