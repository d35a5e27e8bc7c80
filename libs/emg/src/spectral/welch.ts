// Welch PSD equal to scipy.signal.welch(x, fs, nperseg=min(256, n)) with SciPy's defaults:
// periodic Hann, noverlap = nperseg // 2, nfft = nperseg, constant detrend per segment,
// one-sided density scaling, mean over the full segments only.
import { hannPeriodic } from './hann.js';
import { RealFft } from './real-fft.js';
import { rangeSum, SegmentPower } from './segment-power.js';

export interface WelchPlan {
  readonly fs: number;
  readonly nperseg: number;
  readonly step: number;
  /** Frequencies of the nperseg/2 + 1 one-sided bins (rfftfreq). */
  readonly freqs: Float64Array;
  readonly window: Float64Array;
  /** 1 / (fs * sum(window^2)). */
  readonly scale: number;
  transform(seg: Float64Array): void;
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** Scratch buffer of nperseg samples. */
  readonly scratch: Float64Array;
  /** Fused detrend/window/FFT/power kernel for power-of-two nperseg >= 8, else null. */
  readonly segment: SegmentPower | null;
}

/** Precomputes window, frequencies and the FFT for repeated PSDs of one segment length. */
export function createWelchPlan(fs: number, nperseg = 256): WelchPlan {
  if (!Number.isInteger(nperseg) || nperseg < 1)
    throw new RangeError(`nperseg must be a positive integer, got ${nperseg}`);
  const window = hannPeriodic(nperseg);
  let s2 = 0;
  for (let i = 0; i < nperseg; i++) s2 += window[i]! * window[i]!;
  const nb = (nperseg >> 1) + 1;
  const freqs = new Float64Array(nb);
  const val = 1 / (nperseg * (1 / fs));
  for (let k = 0; k < nb; k++) freqs[k] = k * val;
  const pow2 = nperseg >= 4 && (nperseg & (nperseg - 1)) === 0;
  const fft = pow2 ? new RealFft(nperseg) : null;
  const re = fft ? fft.re : new Float64Array(nb);
  const im = fft ? fft.im : new Float64Array(nb);
  const transform = fft
    ? (seg: Float64Array) => fft.forward(seg)
    : (seg: Float64Array) => naiveRealDft(seg, re, im);
  const segment = pow2 && nperseg >= 8 ? new SegmentPower(window) : null;
  return {
    fs,
    nperseg,
    step: nperseg - (nperseg >> 1),
    freqs,
    window,
    scale: 1 / (fs * s2),
    transform,
    re,
    im,
    scratch: new Float64Array(nperseg),
    segment,
  };
}

function naiveRealDft(x: Float64Array, re: Float64Array, im: Float64Array): void {
  const n = x.length;
  for (let k = 0; k < re.length; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const ang = (-2 * Math.PI * ((k * t) % n)) / n;
      sr += x[t]! * Math.cos(ang);
      si += x[t]! * Math.sin(ang);
    }
    re[k] = sr;
    im[k] = si;
  }
}

/**
 * One-sided PSD of x[from..to) into `out` (length nperseg/2 + 1). Returns the number of
 * segments averaged; 0 (and `out` untouched) when the range is shorter than one segment.
 */
export function welchInto(
  x: ArrayLike<number>,
  from: number,
  to: number,
  plan: WelchPlan,
  out: Float64Array,
): number {
  const { nperseg, step } = plan;
  const nSeg = to - from < nperseg ? 0 : Math.floor((to - from - nperseg) / step) + 1;
  if (nSeg === 0) return 0;
  const nb = (nperseg >> 1) + 1;
  out.fill(0, 0, nb);
  const seg = plan.segment;
  if (seg) {
    // power-of-two nperseg: step is exactly half a segment, so segment s is halves s and s+1
    const half = nperseg >> 1;
    let left = rangeSum(x, from, from + half);
    for (let s = 0; s < nSeg; s++) {
      const o = from + s * step;
      const right = rangeSum(x, o + half, o + nperseg);
      seg.accumulate(x, o, out, (left + right) / nperseg);
      left = right;
    }
  } else accumulateGeneric(x, from, nSeg, plan, out);
  // one-sided: double every bin except DC and, for even nperseg, Nyquist
  const last = nperseg % 2 === 0 ? nb - 1 : nb;
  const c = plan.scale / nSeg;
  for (let k = 0; k < nb; k++) out[k] = out[k]! * (k === 0 || k === last ? c : 2 * c);
  return nSeg;
}

/** Segments through plan.transform (any nperseg): detrend, window, transform, |X|^2. */
function accumulateGeneric(
  x: ArrayLike<number>,
  from: number,
  nSeg: number,
  plan: WelchPlan,
  out: Float64Array,
): void {
  const { nperseg, step, window, scratch, re, im } = plan;
  const nb = (nperseg >> 1) + 1;
  for (let s = 0; s < nSeg; s++) {
    const o = from + s * step;
    let mean = 0;
    for (let i = 0; i < nperseg; i++) mean += x[o + i]!;
    mean /= nperseg;
    for (let i = 0; i < nperseg; i++) scratch[i] = (x[o + i]! - mean) * window[i]!;
    plan.transform(scratch);
    for (let k = 0; k < nb; k++) {
      const r = re[k]!;
      const m = im[k]!;
      out[k]! += r * r + m * m;
    }
  }
}

export interface WelchOptions {
  /** Segment length. Default min(256, n), as the original calls SciPy. */
  nperseg?: number;
}

/** Convenience form: { f, p } of the whole signal. */
export function welch(
  x: ArrayLike<number>,
  fs: number,
  options: WelchOptions = {},
): { f: Float64Array; p: Float64Array } {
  const plan = createWelchPlan(fs, options.nperseg ?? Math.min(256, x.length));
  const p = new Float64Array(plan.freqs.length);
  welchInto(x, 0, x.length, plan, p);
  return { f: Float64Array.from(plan.freqs), p };
}
