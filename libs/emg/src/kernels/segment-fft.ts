// The state of the segment-power kernel (kernels/segment-power.ts): the window, the complex work
// slots of the half-size FFT, and the tables its stages read. Built once per segment length.

export interface SegmentFft {
  /** Segment length (a power of two >= 8). */
  readonly size: number;
  /** size / 2: the length of the complex FFT. */
  readonly half: number;
  readonly window: Float64Array;
  /** Complex work slots. */
  readonly zr: Float64Array;
  readonly zi: Float64Array;
  /** rev[j] = bit-reversed j: complex slot j loads samples 2*rev[j], 2*rev[j]+1. */
  readonly rev: Int32Array;
  /** Twiddles of stages 8, 16, ..., half, concatenated (stage of length L at offset L/2 - 4). */
  readonly twr: Float64Array;
  readonly twi: Float64Array;
  /** Unpack twiddles W_size^k, k = 0..half. */
  readonly wr: Float64Array;
  readonly wi: Float64Array;
  /** Whether the stages after the first two end with a single one (log2(half) odd), fused. */
  readonly lastStageSingle: boolean;
}

/**
 * @param fuseLastStage false keeps the last stage and the unpacking apart (the form the fused
 *   one is tested against, bit for bit)
 */
export function createSegmentFft(window: Float64Array, fuseLastStage = true): SegmentFft {
  const size = window.length;
  if (size < 8 || (size & (size - 1)) !== 0)
    throw new RangeError(`segment FFT size must be a power of two >= 8, got ${size}`);
  const m = size >> 1;
  const bits = Math.log2(m);
  const rev = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    rev[i] = r;
  }
  const twr = new Float64Array(Math.max(1, m - 4));
  const twi = new Float64Array(Math.max(1, m - 4));
  for (let len = 8; len <= m; len <<= 1) {
    const stride = m / len;
    for (let k = 0; k < len >> 1; k++) {
      // the plain FFT's table entry cos(2 pi j / m) at j = k * stride, so identical values
      twr[(len >> 1) - 4 + k] = Math.cos((2 * Math.PI * (k * stride)) / m);
      twi[(len >> 1) - 4 + k] = -Math.sin((2 * Math.PI * (k * stride)) / m);
    }
  }
  const wr = new Float64Array(m + 1);
  const wi = new Float64Array(m + 1);
  for (let k = 0; k <= m; k++) {
    wr[k] = Math.cos((2 * Math.PI * k) / size);
    wi[k] = -Math.sin((2 * Math.PI * k) / size);
  }
  return {
    size,
    half: m,
    window,
    zr: new Float64Array(m),
    zi: new Float64Array(m),
    rev,
    twr,
    twi,
    wr,
    wi,
    lastStageSingle: fuseLastStage && bits % 2 === 1 && m >= 8,
  };
}
