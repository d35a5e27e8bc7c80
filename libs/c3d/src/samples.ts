/**
 * De-interleaving of the data section into per-point and per-channel typed arrays.
 * Each frame holds P x (x, y, z, residual word) then S x C analog samples (sample-major).
 * Loops are split by word type so each stays monomorphic.
 */
import { type NumberCodec } from './codec.js';
import { type Layout } from './layout.js';
import { rawFloats, rawInts } from './raw.js';

export interface PointArrays {
  x: Float32Array[];
  y: Float32Array[];
  z: Float32Array[];
  residual: Float32Array[];
  camera: Uint8Array[];
}

export interface AnalogScaling {
  /** Per-channel offset and multiplier (scale x gen_scale). */
  offset: Float64Array;
  factor: Float64Array;
  unsigned: boolean;
}

/**
 * Per-point arrays as views of two backing buffers: one allocation for all coordinates and
 * residuals, one for the camera masks, instead of five per point (a file with 205 points made
 * 1025 small buffers per read, costing more than decoding their samples).
 */
export function allocatePoints(count: number, frames: number): PointArrays {
  const floats = new Float32Array(4 * count * frames);
  const masks = new Uint8Array(count * frames);
  const view = (k: number) =>
    Array.from({ length: count }, (_, p) =>
      floats.subarray((k * count + p) * frames, (k * count + p + 1) * frames),
    );
  return {
    x: view(0),
    y: view(1),
    z: view(2),
    residual: view(3),
    camera: Array.from({ length: count }, (_, p) => masks.subarray(p * frames, (p + 1) * frames)),
  };
}

export function decodeSamples(
  bytes: Uint8Array,
  layout: Layout,
  codec: NumberCodec,
  scaling: AnalogScaling,
): { points: PointArrays; channels: Float64Array[] } {
  const { pointCount: P, channels: C, samplesPerFrame: S, frames: F } = layout;
  const wpf = P * 4 + C * S;
  const points = allocatePoints(P, F);
  // One backing buffer for all channels: one large allocation instead of C (less GC pressure).
  const backing = new Float64Array(C * F * S);
  const channels = Array.from({ length: C }, (_, c) => backing.subarray(c * F * S, (c + 1) * F * S));
  if (F === 0 || wpf === 0) return { points, channels };
  if (layout.format === 'float') {
    const raw = rawFloats(bytes, layout.dataStart, wpf * F, codec);
    pointsFromFloats(raw, wpf, F, Math.abs(layout.pointScale), points);
    analogFromFloats(raw, wpf, F, P * 4, C, S, scaling, backing);
  } else {
    const raw = rawInts(bytes, layout.dataStart, wpf * F, codec);
    pointsFromInts(raw, wpf, F, layout.pointScale, points);
    analogFromInts(raw, wpf, F, P * 4, C, S, scaling, backing);
  }
  return { points, channels };
}

function pointsFromFloats(
  raw: Float32Array,
  wpf: number,
  F: number,
  resScale: number,
  out: PointArrays,
): void {
  for (let p = 0; p < out.x.length; p++) {
    const x = out.x[p]!,
      y = out.y[p]!,
      z = out.z[p]!,
      r = out.residual[p]!,
      cam = out.camera[p]!;
    for (let f = 0, i = p * 4; f < F; f++, i += wpf) {
      x[f] = raw[i]!;
      y[f] = raw[i + 1]!;
      z[f] = raw[i + 2]!;
      // The fourth word is a float holding the 16-bit word: camera mask high byte, residual low byte.
      const w = raw[i + 3]!;
      if (w < 0 || w !== w) {
        r[f] = -1;
      } else {
        const iw = w | 0;
        r[f] = (iw & 0xff) * resScale;
        cam[f] = (iw >> 8) & 0xff;
      }
    }
  }
}

function pointsFromInts(raw: Int16Array, wpf: number, F: number, scale: number, out: PointArrays): void {
  const resScale = Math.abs(scale);
  for (let p = 0; p < out.x.length; p++) {
    const x = out.x[p]!,
      y = out.y[p]!,
      z = out.z[p]!,
      r = out.residual[p]!,
      cam = out.camera[p]!;
    for (let f = 0, i = p * 4; f < F; f++, i += wpf) {
      x[f] = raw[i]! * scale;
      y[f] = raw[i + 1]! * scale;
      z[f] = raw[i + 2]! * scale;
      const w = raw[i + 3]!;
      if (w < 0) {
        r[f] = -1;
      } else {
        r[f] = (w & 0xff) * resScale;
        cam[f] = (w >> 8) & 0xff;
      }
    }
  }
}

// Analog de-interleaving writes straight into the shared backing array (channel c at c * F * S),
// one monomorphic Float64Array instead of an array of views. With S >= C (GHOSTLY: 4 channels x
// 30 samples) each frame is split into one run of S samples per channel; with many channels and
// few samples per frame (128 x 1) those runs are too short, and reading every word once, in
// order, writing C streams, is ~1.6x faster there.

function analogFromFloats(
  raw: Float32Array,
  wpf: number,
  F: number,
  first: number,
  C: number,
  S: number,
  sc: AnalogScaling,
  out: Float64Array,
): void {
  const N = F * S;
  const { offset, factor } = sc;
  if (C > S) {
    for (let f = 0, base = first, o = 0; f < F; f++, base += wpf) {
      for (let s = 0, i = base; s < S; s++, o++) {
        for (let c = 0, d = o; c < C; c++, d += N, i++) out[d] = (raw[i]! - offset[c]!) * factor[c]!;
      }
    }
    return;
  }
  // Frame by frame, each channel's S samples in turn: the frame's words stay in L1 while every
  // channel takes its run, where one pass per channel over the whole section would stream it
  // from memory C times (24 channels x 3.8 MB for the Cometa file).
  for (let f = 0, base = first; f < F; f++, base += wpf) {
    for (let c = 0; c < C; c++) {
      const off = offset[c]!;
      const k = factor[c]!;
      for (let s = 0, i = base + c, o = c * N + f * S; s < S; s++, i += C, o++) out[o] = (raw[i]! - off) * k;
    }
  }
}

function analogFromInts(
  raw: Int16Array,
  wpf: number,
  F: number,
  first: number,
  C: number,
  S: number,
  sc: AnalogScaling,
  out: Float64Array,
): void {
  // UNSIGNED files store samples as uint16: masking reinterprets the signed word.
  const mask = sc.unsigned ? 0xffff : -1;
  const N = F * S;
  const { offset, factor } = sc;
  if (C > S) {
    for (let f = 0, base = first, o = 0; f < F; f++, base += wpf) {
      for (let s = 0, i = base; s < S; s++, o++) {
        for (let c = 0, d = o; c < C; c++, d += N, i++) out[d] = ((raw[i]! & mask) - offset[c]!) * factor[c]!;
      }
    }
    return;
  }
  // frame-blocked, as analogFromFloats
  for (let f = 0, base = first; f < F; f++, base += wpf) {
    for (let c = 0; c < C; c++) {
      const off = offset[c]!;
      const k = factor[c]!;
      for (let s = 0, i = base + c, o = c * N + f * S; s < S; s++, i += C, o++)
        out[o] = ((raw[i]! & mask) - off) * k;
    }
  }
}
