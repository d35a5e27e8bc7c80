// Speed-tuned kernel: the Welch inner loop for power-of-two segments. For one segment
// x[o..o+size) it adds |FFT(window * (segment - mean))[k]|^2 to acc[k], k = 0..size/2:
// detrend (mean removal), window, real FFT through a half-size complex FFT, power.
//
// Reference: plainSegmentPower (testing/segment-power-reference.ts), the same computation
// written plainly (one stage, one butterfly, one bin at a time); kernels/segment-power.spec.ts
// compares every bin with Object.is at sizes 8..1024, fused last stage or not. Against the plain
// real FFT of testing/real-fft-reference.ts the spectra agree to rounding only: that FFT
// multiplies by cos(pi/2) ~ 6e-17 where the first two stages here use the exact -i.
//
// Why this shape: a segment touches its samples twice (the mean, then the windowed bit-reversed
// load fused with the first two stages), the middle stages go two per pass, and the last single
// stage is fused with the unpacking; nothing is allocated per segment. The pieces live in
// segment-fft.ts (tables and work slots), segment-stages.ts and segment-unpack.ts.
import { createSegmentFft, type SegmentFft } from './segment-fft.js';
import { laterStages, loadFirstStages, middleStages } from './segment-stages.js';
import { lastStageUnpack, unpackPower } from './segment-unpack.js';

export class SegmentPower {
  readonly size: number;
  private readonly fft: SegmentFft;

  /**
   * @param window the segment window; its length is the segment size (a power of two >= 8)
   * @param fuseLastStage false keeps the last stage and the unpacking apart (the form the fused
   *   path is tested against, bit for bit)
   */
  constructor(window: Float64Array, fuseLastStage = true) {
    this.fft = createSegmentFft(window, fuseLastStage);
    this.size = this.fft.size;
  }

  /**
   * acc[k] += |FFT(window * (x[o..o+size) - mean))[k]|^2 for k = 0..size/2, with `mean` the
   * segment's mean when the caller has it (Welch's overlapping segments share half sums).
   */
  accumulate(x: ArrayLike<number>, o: number, acc: Float64Array, segmentMean?: number): void {
    const f = this.fft;
    const n = f.size;
    const mean = segmentMean ?? rangeSum(x, o, o + n) / n;
    loadFirstStages(f, x, o, mean);
    if (f.lastStageSingle) {
      middleStages(f);
      lastStageUnpack(f, acc);
    } else {
      laterStages(f);
      unpackPower(f, acc);
    }
  }
}

/**
 * Σ x[from..to) in four interleaved partial sums: a single running sum is one long chain of
 * dependent additions (the slowest part of a segment); four chains overlap. Any order is as
 * good as NumPy's pairwise mean for the detrend.
 */
export function rangeSum(x: ArrayLike<number>, from: number, to: number): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    s0 += x[i]!;
    s1 += x[i + 1]!;
    s2 += x[i + 2]!;
    s3 += x[i + 3]!;
  }
  for (; i < to; i++) s0 += x[i]!;
  return s0 + s1 + (s2 + s3);
}
