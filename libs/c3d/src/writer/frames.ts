/** Encodes the data section: per frame, points (x, y, z, residual word) then sample-major analog. */
import { type DataFormat } from '../types.js';
import { clampWord, type Encoder } from './encode.js';
import { type AnalogSpec, type PointsSpec } from './spec.js';

export interface FrameLayout {
  format: DataFormat;
  frames: number;
  pointScale: number;
  samplesPerFrame: number;
  offset: number[];
  factor: number[];
  unsigned: boolean;
}

/** The residual word: camera mask in the high byte, residual / |scale| in the low byte; -1 = invalid. */
function residualWord(residual: number, camera: number, scale: number): number {
  if (!(residual >= 0)) return -1;
  const r = Math.min(255, Math.round(residual / Math.abs(scale)));
  // Float files can carry all 8 mask bits; integer files only 7 (the word sign marks invalid).
  return ((camera & 0xff) << 8) | r;
}

export function encodeFrames(
  view: DataView,
  start: number,
  enc: Encoder,
  l: FrameLayout,
  points: PointsSpec | undefined,
  analog: AnalogSpec | undefined,
): void {
  const word = l.format === 'float' ? 4 : 2;
  const P = points?.x.length ?? 0;
  const C = analog?.channels.length ?? 0;
  const S = l.samplesPerFrame;
  const put =
    l.format === 'float'
      ? (o: number, v: number): void => enc.f32(view, o, v)
      : (o: number, v: number): void => enc.i16(view, o, clampWord(v));
  const coord = l.format === 'float' ? 1 : 1 / l.pointScale;
  let o = start;
  for (let f = 0; f < l.frames; f++) {
    for (let p = 0; p < P; p++) {
      const pts = points!;
      put(o, pts.x[p]![f]! * coord);
      put(o + word, pts.y[p]![f]! * coord);
      put(o + 2 * word, pts.z[p]![f]! * coord);
      put(o + 3 * word, residualWord(pts.residual?.[p]?.[f] ?? 0, pts.camera?.[p]?.[f] ?? 0, l.pointScale));
      o += 4 * word;
    }
    for (let s = 0; s < S && C > 0; s++) {
      for (let c = 0; c < C; c++) {
        const raw = analog!.channels[c]![f * S + s]! / l.factor[c]! + l.offset[c]!;
        if (l.format === 'float') enc.f32(view, o, raw);
        else if (l.unsigned) enc.i16(view, o, (Math.max(0, Math.min(65535, Math.round(raw))) << 16) >> 16);
        else enc.i16(view, o, clampWord(raw));
        o += word;
      }
    }
  }
}
