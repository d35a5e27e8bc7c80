import { describe, expect, it } from '@jest/globals';
import { maxViolation, readBin, readJson, relErr, type SyntheticFixture } from '../testing/reference.js';
import { butterworth, butterworthBandpassSos, butterworthSos } from './butterworth.js';
import { filtfilt } from './filtfilt.js';
import { lfilterZi } from './lfilter-zi.js';
import { sosfiltfilt } from './sosfiltfilt.js';

const fx = readJson<SyntheticFixture>('synthetic.json');
const kindOf = (k: 'high' | 'low'): 'highpass' | 'lowpass' => (k === 'high' ? 'highpass' : 'lowpass');
// odd orders are not designed by fili (biquads only): fixture 5 (order 1) is skipped
const designed = fx.coeffs.map((c, i) => ({ c, i })).filter(({ c }) => c.order % 2 === 0);

describe('butterworth (fili sections -> b, a) vs scipy.signal.butter', () => {
  it.each(designed.map(({ c, i }) => [i, c] as const))('case %i', (_i, c) => {
    const tf = butterworth({ order: c.order, cutoffHz: c.cutoff, fs: c.fs, kind: kindOf(c.kind) });
    const scale = Math.max(...c.a.map(Math.abs));
    // within a few ulp of the largest coefficient
    c.b.forEach((v, k) => expect(Math.abs(tf.b[k]! - v)).toBeLessThan(1e-14 * scale));
    c.a.forEach((v, k) => expect(Math.abs(tf.a[k]! - v)).toBeLessThan(1e-14 * scale));
  });

  it('rejects odd orders and cut-offs outside (0, fs/2)', () => {
    expect(() => butterworthSos({ order: 3, cutoffHz: 10, fs: 990, kind: 'lowpass' })).toThrow(RangeError);
    expect(() => butterworthSos({ order: 4, cutoffHz: 495, fs: 990, kind: 'lowpass' })).toThrow(RangeError);
  });

  it('band-pass is the high-pass sections followed by the low-pass sections', () => {
    expect(butterworthBandpassSos(4, 20, 450, 990)).toHaveLength(4);
  });
});

describe('lfilterZi vs scipy.signal.lfilter_zi', () => {
  it.each(fx.coeffs.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const zi = lfilterZi(c.b, c.a);
    // zi[0] = sum(B) / sum(a) with sum(a) ~ 1.5e-5 for the 10 Hz low-pass: ~1e-11 conditioning
    c.zi.forEach((v, k) => expect(Math.abs(zi[k]! - v)).toBeLessThan(1e-10 * Math.max(1, Math.abs(v))));
  });
});

// Tolerances: |y - ref| <= rel*|ref| + floor*max|x|. With SciPy's own b, a: rel 1e-9, floor
// 1e-11 (lfilter_zi is solved by LU in SciPy and in closed form here; in transfer-function form
// a 1e-16 state difference is amplified ~1e4 by the 4 poles near z = 1 of a 10 Hz low-pass at
// 990 Hz). With our fili-derived b, a: rel 1e-8, floor 1e-10 (a 1-ulp coefficient difference
// moves the DC gain of that low-pass by ~1e-10, since sum(a) ~ 1.5e-5). Second-order sections
// are well conditioned: rel 1e-9, floor 1e-12.
describe('filtfilt / sosfiltfilt vs SciPy', () => {
  for (const sc of fx.cases) {
    const x = readBin(sc.x);
    const xScale = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    fx.coeffs.forEach((c, i) => {
      const ffName = sc[`filtfilt_${i}`] as string | undefined;
      const sosName = sc[`sosfiltfilt_${i}`] as string | undefined;
      if (ffName) {
        it(`filtfilt ${sc.name} / coeffs ${i} (scipy b, a)`, () => {
          expect(
            maxViolation(filtfilt(c.b, c.a, x), readBin(ffName), 1e-9, 1e-11, xScale),
          ).toBeLessThanOrEqual(1);
        });
      }
      if (ffName && c.order % 2 === 0) {
        it(`filtfilt ${sc.name} / coeffs ${i} (our design)`, () => {
          const tf = butterworth({ order: c.order, cutoffHz: c.cutoff, fs: c.fs, kind: kindOf(c.kind) });
          expect(
            maxViolation(filtfilt(tf.b, tf.a, x), readBin(ffName), 1e-8, 1e-10, xScale),
          ).toBeLessThanOrEqual(1);
        });
      }
      if (sosName && c.order % 2 === 0) {
        it(`sosfiltfilt ${sc.name} / coeffs ${i} (fili sections)`, () => {
          const sos = butterworthSos({ order: c.order, cutoffHz: c.cutoff, fs: c.fs, kind: kindOf(c.kind) });
          expect(
            maxViolation(sosfiltfilt(sos, x), readBin(sosName), 1e-9, 1e-12, xScale),
          ).toBeLessThanOrEqual(1);
        });
      }
    });
  }

  it('throws when the signal is not longer than the pad', () => {
    expect(() => filtfilt([1, 0, 0], [1, 0, 0], new Float64Array(9))).toThrow(RangeError);
    expect(relErr(1, 1)).toBe(0);
  });
});
