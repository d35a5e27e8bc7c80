// The Welch segment kernel against its plain form (testing/segment-power-reference.ts), bit for
// bit at every power-of-two size, fused or not; its fused last stage against the same kernel
// with that stage apart; and its spectrum against the plain real FFT (to rounding, see below).
import { describe, expect, it } from '@jest/globals';
import { hannPeriodic } from '../spectral/hann.js';
import { RealFft } from '../testing/real-fft-reference.js';
import { plainSegmentPower } from '../testing/segment-power-reference.js';
import { SegmentPower } from './segment-power.js';

function signal(n: number): Float64Array {
  const x = new Float64Array(n);
  let seed = 7;
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    x[i] = Math.sin(i * 0.37) * 1e-4 + ((seed >>> 8) / 2 ** 24 - 0.5) * 1e-5;
  }
  return x;
}

describe('SegmentPower', () => {
  it.each([8, 16, 32, 64, 128, 256, 512, 1024])('size %d: the bits of the plain form', (size) => {
    const x = signal(size * 20);
    const window = hannPeriodic(size);
    const kernels = [new SegmentPower(window), new SegmentPower(window, false)];
    const acc = kernels.map(() => new Float64Array(size / 2 + 1));
    const ref = new Float64Array(size / 2 + 1);
    for (let s = 0; s < 30; s++) {
      const o = (s * 37) % (x.length - size);
      const mean = 1e-6 * Math.sin(s);
      kernels.forEach((k, i) => k.accumulate(x, o, acc[i]!, mean));
      plainSegmentPower(x, o, window, mean, ref);
    }
    for (const a of acc) {
      let mismatches = 0;
      for (let k = 0; k < ref.length; k++) if (!Object.is(a[k], ref[k])) mismatches++;
      expect(mismatches).toBe(0);
    }
  });

  it.each([8, 16, 32, 64, 128, 256, 512, 1024])(
    'size %d: the fused last stage gives the bits of the separate stage and unpacking',
    (size) => {
      const x = signal(size * 20);
      const fused = new SegmentPower(hannPeriodic(size));
      const apart = new SegmentPower(hannPeriodic(size), false);
      const a = new Float64Array(size / 2 + 1);
      const b = new Float64Array(size / 2 + 1);
      for (let s = 0; s < 30; s++) {
        const o = (s * 37) % (x.length - size);
        fused.accumulate(x, o, a);
        apart.accumulate(x, o, b);
      }
      for (let k = 0; k < a.length; k++) expect(Object.is(a[k], b[k])).toBe(true);
    },
  );

  // Not bit for bit: the kernel's second butterfly stage multiplies by the exact twiddle -i
  // where the reference uses its table value (cos(pi/2) ~ 6e-17, -1), and its Nyquist bin skips
  // the reference's -sin(pi) ~ -1e-16 imaginary term. Both are rounding-level, so the spectra
  // agree to 1e-12 of the largest bin.
  it('equals |RealFft(window x detrended segment)|^2 to rounding', () => {
    const size = 256;
    const x = signal(size);
    const window = hannPeriodic(size);
    let mean = 0;
    for (const v of x) mean += v;
    mean /= size;
    const fft = new RealFft(size);
    fft.forward(x.map((v, i) => (v - mean) * window[i]!));
    const acc = new Float64Array(size / 2 + 1);
    new SegmentPower(window).accumulate(x, 0, acc, mean);
    for (let k = 0; k <= size / 2; k++) {
      const p = fft.re[k]! ** 2 + fft.im[k]! ** 2;
      expect(Math.abs(acc[k]! - p)).toBeLessThanOrEqual(1e-12 * Math.max(...acc));
    }
  });
});
