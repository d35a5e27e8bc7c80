// validateSignalQuality with the ghostly-v1 limits (>= 1000 samples, 10 s <= N/fs <= 600 s,
// std >= 1e-10, finite): each issue, the order the original checks them in, and the boundaries.
import { describe, expect, it } from '@jest/globals';
import { GHOSTLY_V1 } from './profiles/ghostly-v1.js';
import { validateSignalQuality, type QualityResult } from './quality.js';
import { uniform } from '../../../test/support/random.js';

const limits = GHOSTLY_V1.quality;

/** Deterministic zero-mean noise of amplitude ~1e-4 V (mulberry32), like a resting EMG channel. */
function noise(n: number, seed = 7): Float64Array {
  const next = uniform(seed);
  return Float64Array.from({ length: n }, () => (next() - 0.5) * 2e-4);
}

const check = (x: ArrayLike<number>, fs: number): QualityResult => validateSignalQuality(x, fs, limits);
const ok: QualityResult = { valid: true, issue: null, message: 'Signal quality acceptable' };

describe('validateSignalQuality (ghostly-v1 limits)', () => {
  it('uses the documented ghostly-v1 limits', () => {
    expect(limits).toEqual({ minSamples: 1000, minDurationS: 10, maxDurationS: 600, minStd: 1e-10 });
  });

  it('accepts a 60 s noise recording at the GHOSTLY rate', () => {
    expect(check(noise(59400), 990)).toEqual(ok);
  });

  describe('too_short: fewer than 1000 samples', () => {
    it('999 samples fail even when the duration (999 / 50 Hz = 19.98 s) is valid', () => {
      const r = check(noise(999), 50);
      expect([r.valid, r.issue]).toEqual([false, 'too_short']);
      expect(r.message).toBe(
        'Signal too short: 999 samples (19.980 seconds at 50 Hz). Minimum samples required: 1000.',
      );
    });

    it('exactly 1000 samples pass when 1000 / fs is a valid duration (50 Hz: 20 s)', () => {
      expect(check(noise(1000), 50)).toEqual(ok);
    });

    it('is checked before the duration: 999 samples at 990 Hz (1.009 s) report too_short', () => {
      expect(check(noise(999), 990).issue).toBe('too_short');
    });
  });

  describe('duration_too_short: under 10 s', () => {
    it('9899 samples at 990 Hz (9.999 s) fail', () => {
      const r = check(noise(9899), 990);
      expect([r.valid, r.issue]).toEqual([false, 'duration_too_short']);
      expect(r.message).toContain('9.999 seconds');
    });

    it('exactly 10 s (9900 samples at 990 Hz) passes', () => {
      expect(check(noise(9900), 990)).toEqual(ok);
    });
  });

  describe('duration_too_long: over 600 s', () => {
    it('594001 samples at 990 Hz (600.001 s) fail', () => {
      const r = check(noise(594001), 990);
      expect([r.valid, r.issue]).toEqual([false, 'duration_too_long']);
      expect(r.message).toContain('exceeds clinical maximum of 10 minutes');
    });

    it('exactly 600 s (594000 samples at 990 Hz) passes', () => {
      expect(check(noise(594000), 990)).toEqual(ok);
    });
  });

  describe('flat: population std below 1e-10', () => {
    it('a constant signal fails', () => {
      const r = check(new Float64Array(20000).fill(0.5), 990);
      expect([r.valid, r.issue]).toEqual([false, 'flat']);
    });

    it('alternating +-5e-11 (std 5e-11) fails, +-2e-10 (std 2e-10) passes', () => {
      const alternating = (h: number) => Float64Array.from({ length: 20000 }, (_, i) => (i % 2 ? h : -h));
      expect(check(alternating(5e-11), 990).issue).toBe('flat');
      expect(check(alternating(2e-10), 990)).toEqual(ok);
    });

    it('duration is checked before variation: a flat 5 s signal reports duration_too_short', () => {
      expect(check(new Float64Array(4950), 990).issue).toBe('duration_too_short');
    });
  });

  describe('non_finite: NaN or +-Infinity anywhere', () => {
    it.each([
      ['NaN', Number.NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
    ])('one %s sample in valid noise fails', (_name, bad) => {
      const x = noise(20000);
      x[12345] = bad;
      expect(check(x, 990)).toEqual({
        valid: false,
        issue: 'non_finite',
        message: 'Signal contains NaN or infinite values',
      });
    });

    it('a NaN in an otherwise constant signal is non_finite, not flat (NaN std is not < 1e-10)', () => {
      const x = new Float64Array(20000);
      x[0] = Number.NaN;
      expect(check(x, 990).issue).toBe('non_finite');
    });
  });
});
