// Welch PSD equal to scipy.signal.welch(x, fs, nperseg=min(256, n)) with SciPy's defaults:
// periodic Hann, noverlap = nperseg // 2, nfft = nperseg, constant detrend per segment,
// one-sided density scaling, mean over the full segments only.
//
// Two spectrum paths: power-of-two segments of 8 samples or more (every ghostly-v1 PSD: 256)
// go through the tuned kernel (kernels/segment-power.ts); other lengths through the DFT by
// definition (real-dft.ts), whose results for those lengths are the SciPy-checked ones.
import { rangeSum, SegmentPower } from '../kernels/segment-power.js';
import { hannPeriodic } from './hann.js';
import { realDft } from './real-dft.js';

/** Window, frequencies and work buffers for repeated PSDs of one segment length. */
export class WelchPlan {
  readonly nperseg: number;
  /** Frequencies of the nperseg/2 + 1 one-sided bins (rfftfreq). */
  readonly freqs: Float64Array;
  private readonly step: number;
  private readonly window: Float64Array;
  /** 1 / (fs * sum(window^2)). */
  private readonly scale: number;
  /** The tuned kernel, for power-of-two nperseg >= 8; else null and the DFT buffers are used. */
  private readonly kernel: SegmentPower | null;
  private readonly segment: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(fs: number, nperseg = 256) {
    if (!Number.isInteger(nperseg) || nperseg < 1)
      throw new RangeError(`nperseg must be a positive integer, got ${nperseg}`);
    this.nperseg = nperseg;
    this.step = nperseg - (nperseg >> 1);
    this.window = hannPeriodic(nperseg);
    let s2 = 0;
    for (let i = 0; i < nperseg; i++) s2 += this.window[i]! * this.window[i]!;
    this.scale = 1 / (fs * s2);
    const nb = (nperseg >> 1) + 1;
    this.freqs = new Float64Array(nb);
    const val = 1 / (nperseg * (1 / fs));
    for (let k = 0; k < nb; k++) this.freqs[k] = k * val;
    const pow2 = (nperseg & (nperseg - 1)) === 0;
    this.kernel = pow2 && nperseg >= 8 ? new SegmentPower(this.window) : null;
    this.segment = new Float64Array(this.kernel ? 0 : nperseg);
    this.re = new Float64Array(this.kernel ? 0 : nb);
    this.im = new Float64Array(this.kernel ? 0 : nb);
  }

  /**
   * One-sided PSD of x[from..to) into `out` (length nperseg/2 + 1). Returns the number of
   * segments averaged; 0 (and `out` untouched) when the range is shorter than one segment.
   */
  psdInto(x: ArrayLike<number>, from: number, to: number, out: Float64Array): number {
    const { nperseg, step } = this;
    const nSeg = to - from < nperseg ? 0 : Math.floor((to - from - nperseg) / step) + 1;
    if (nSeg === 0) return 0;
    const nb = (nperseg >> 1) + 1;
    out.fill(0, 0, nb);
    if (this.kernel) this.accumulateKernel(this.kernel, x, from, nSeg, out);
    else this.accumulateDft(x, from, nSeg, out);
    // one-sided: double every bin except DC and, for even nperseg, Nyquist
    const last = nperseg % 2 === 0 ? nb - 1 : nb;
    const c = this.scale / nSeg;
    for (let k = 0; k < nb; k++) out[k] = out[k]! * (k === 0 || k === last ? c : 2 * c);
    return nSeg;
  }

  /** Power-of-two nperseg: step is exactly half a segment, so segment s is halves s and s+1. */
  private accumulateKernel(
    kernel: SegmentPower,
    x: ArrayLike<number>,
    from: number,
    nSeg: number,
    out: Float64Array,
  ): void {
    const { nperseg, step } = this;
    const half = nperseg >> 1;
    let left = rangeSum(x, from, from + half);
    for (let s = 0; s < nSeg; s++) {
      const o = from + s * step;
      const right = rangeSum(x, o + half, o + nperseg);
      kernel.accumulate(x, o, out, (left + right) / nperseg);
      left = right;
    }
  }

  /** Any nperseg: detrend, window, DFT, |X|^2 per segment. */
  private accumulateDft(x: ArrayLike<number>, from: number, nSeg: number, out: Float64Array): void {
    const { nperseg, step, window, segment, re, im } = this;
    const nb = (nperseg >> 1) + 1;
    for (let s = 0; s < nSeg; s++) {
      const o = from + s * step;
      let mean = 0;
      for (let i = 0; i < nperseg; i++) mean += x[o + i]!;
      mean /= nperseg;
      for (let i = 0; i < nperseg; i++) segment[i] = (x[o + i]! - mean) * window[i]!;
      realDft(segment, re, im);
      for (let k = 0; k < nb; k++) {
        const r = re[k]!;
        const m = im[k]!;
        out[k]! += r * r + m * m;
      }
    }
  }
}

export interface WelchOptions {
  /** Segment length. Default min(256, n), as the original calls SciPy. */
  nperseg?: number;
}

/** { f, p } of the whole signal. */
export function welch(
  x: ArrayLike<number>,
  fs: number,
  options: WelchOptions = {},
): { f: Float64Array; p: Float64Array } {
  const plan = new WelchPlan(fs, options.nperseg ?? Math.min(256, x.length));
  const p = new Float64Array(plan.freqs.length);
  plan.psdInto(x, 0, x.length, p);
  return { f: Float64Array.from(plan.freqs), p };
}
