/**
 * The decoder's output arrays: per-point Float32Array and Uint8Array views, per-channel
 * Float64Array views, each group over one backing buffer, in memory the decoder overwrites.
 *
 * Tested against: decode/reference/samples.ts allocates the same shapes plainly (one array per
 * point field and channel, zero-filled); samples-vs-reference.spec.ts and samples.spec.ts decode
 * into memory filled with a poison pattern and compare every byte with it.
 *
 * Why shaped so: one backing buffer per group instead of five small buffers per point and one
 * per channel (with hundreds of points, allocating the buffers cost more than decoding their
 * samples, and one large allocation is less GC pressure); views made with the typed-array
 * constructors in plain loops, not subarray() inside Array.from (several times slower per
 * view); and memory that is not zero-filled first, as every element is written anyway.
 */

export interface PointArrays {
  x: Float32Array[];
  y: Float32Array[];
  z: Float32Array[];
  residual: Float32Array[];
  camera: Uint8Array[];
}

/** Where output memory comes from, in bytes. Tests pass poisoned memory to catch unwritten elements. */
export type Allocate = (bytes: number) => ArrayBuffer;

const nodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(size: number): Uint8Array } }).Buffer;

/**
 * Uninitialised memory where the runtime offers it (Node's Buffer.allocUnsafeSlow: its own
 * ArrayBuffer, never a shared pool slab), else a plain, zeroed ArrayBuffer. Zero-filling would
 * be a memset of the whole output, which the decoder then overwrites.
 */
export const allocateOutput: Allocate = nodeBuffer
  ? (bytes) => nodeBuffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer
  : (bytes) => new ArrayBuffer(bytes);

export interface PointBacking {
  arrays: PointArrays;
  /** x of all points, then y, z, residual: point p's x at p * frames. */
  floats: Float32Array;
  masks: Uint8Array;
}

/** Per-point arrays as views of two backing buffers: coordinates and residuals, camera masks. */
export function pointBacking(count: number, frames: number, allocate: Allocate): PointBacking {
  const floats = new Float32Array(allocate(16 * count * frames), 0, 4 * count * frames);
  const masks = new Uint8Array(allocate(count * frames), 0, count * frames);
  const coords = floatViews(floats, 4 * count, frames);
  const camera = new Array<Uint8Array>(count);
  for (let p = 0; p < count; p++) camera[p] = new Uint8Array(masks.buffer, p * frames, frames);
  const arrays = {
    x: coords.slice(0, count),
    y: coords.slice(count, 2 * count),
    z: coords.slice(2 * count, 3 * count),
    residual: coords.slice(3 * count),
    camera,
  };
  return { arrays, floats, masks };
}

function floatViews(backing: Float32Array, count: number, length: number): Float32Array[] {
  const out = new Array<Float32Array>(count);
  for (let k = 0; k < count; k++) out[k] = new Float32Array(backing.buffer, k * length * 4, length);
  return out;
}

/** `count` consecutive views of `length` samples each over one new backing array. */
export function channelViews(
  count: number,
  length: number,
  allocate: Allocate = allocateOutput,
): { backing: Float64Array; views: Float64Array[] } {
  const backing = new Float64Array(allocate(8 * count * length), 0, count * length);
  const views = new Array<Float64Array>(count);
  for (let c = 0; c < count; c++) views[c] = new Float64Array(backing.buffer, c * length * 8, length);
  return { backing, views };
}

/**
 * The header-only path's empty point arrays: every point shares one empty array per field
 * (nothing can be written to a zero-length array, so there is no need for one view per point).
 */
export function emptyPoints(count: number): PointArrays {
  const none = new Array<Float32Array>(count).fill(new Float32Array(0));
  return {
    x: none,
    y: none.slice(),
    z: none.slice(),
    residual: none.slice(),
    camera: new Array<Uint8Array>(count).fill(new Uint8Array(0)),
  };
}
