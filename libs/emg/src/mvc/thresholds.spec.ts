// The MVC threshold cascade and the duration threshold of ghostly-v1: per channel, then global, then estimated.
import { describe, expect, it } from '@jest/globals';
import { GHOSTLY_V1 } from '../profiles/ghostly-v1.js';
import { resolveDurationThreshold, resolveMvcThreshold, type MvcInputs } from './thresholds.js';

const defaults = GHOSTLY_V1.mvc; // 75 %, 95th percentile
// Reading an empty envelope throws (percentile of nothing): passing one proves a case never reads it.
const unread = new Float64Array(0);
// 1..10 shuffled: numpy.percentile(x, 95) = 9 + 0.55 * (10 - 9) = 9.55 (index 0.95 * 9 = 8.55)
const envelope = Float64Array.from([7, 3, 10, 1, 9, 2, 8, 5, 6, 4]);

const resolve = (inputs: MvcInputs, env: Float64Array = unread) => resolveMvcThreshold(inputs, env, defaults);

describe('resolveMvcThreshold', () => {
  it('uses the documented ghostly-v1 defaults', () => {
    expect(defaults).toEqual({ defaultThresholdPercentage: 75, estimationPercentile: 95 });
  });

  describe('1. per-channel MVC value (user_provided)', () => {
    const globals = { globalMvcValue: 9e-4, globalThresholdPercentage: 80 };

    it('with the per-channel percentage, ignoring the global value and %', () => {
      const r = resolve({ channelMvcValue: 2e-4, channelThresholdPercentage: 60, ...globals });
      expect(r).toEqual({
        mvcValue: 2e-4,
        thresholdPercentage: 60,
        threshold: expect.any(Number),
        method: 'user_provided',
      });
      expect(r.threshold).toBeCloseTo(1.2e-4, 15);
    });

    it('with the global percentage when the per-channel one is missing or null', () => {
      for (const channelThresholdPercentage of [undefined, null]) {
        const r = resolve({ channelMvcValue: 2e-4, channelThresholdPercentage, ...globals });
        expect([r.method, r.mvcValue, r.thresholdPercentage]).toEqual(['user_provided', 2e-4, 80]);
        expect(r.threshold).toBeCloseTo(1.6e-4, 15);
      }
    });

    it('with the default 75 % when neither percentage is given', () => {
      const r = resolve({ channelMvcValue: 2e-4, globalThresholdPercentage: null });
      expect([r.method, r.thresholdPercentage]).toEqual(['user_provided', 75]);
      expect(r.threshold).toBeCloseTo(1.5e-4, 15);
    });

    it('0 is a value, not a missing one', () => {
      expect(resolve({ channelMvcValue: 0 })).toEqual({
        mvcValue: 0,
        thresholdPercentage: 75,
        threshold: 0,
        method: 'user_provided',
      });
    });
  });

  describe('2. global MVC value (global_provided)', () => {
    it('needs the global percentage, and ignores a per-channel percentage', () => {
      const r = resolve({
        globalMvcValue: 3e-4,
        globalThresholdPercentage: 50,
        channelThresholdPercentage: 90,
      });
      expect([r.method, r.mvcValue, r.thresholdPercentage]).toEqual(['global_provided', 3e-4, 50]);
      expect(r.threshold).toBeCloseTo(1.5e-4, 15);
    });

    it('without the global percentage falls through to the estimate (the global value is not used)', () => {
      const r = resolve({ globalMvcValue: 3e-4 }, envelope);
      expect([r.method, r.thresholdPercentage]).toEqual(['backend_estimation', 75]);
      expect(r.mvcValue).toBeCloseTo(9.55, 12);
    });
  });

  describe('3. estimate (backend_estimation): 95th percentile of the envelope', () => {
    it('with the default 75 %', () => {
      const r = resolve({}, envelope);
      expect([r.method, r.thresholdPercentage]).toEqual(['backend_estimation', 75]);
      expect(r.mvcValue).toBeCloseTo(9.55, 12);
      expect(r.threshold).toBeCloseTo(7.1625, 12);
    });

    it('with the global percentage', () => {
      const r = resolve(
        { globalThresholdPercentage: 80, channelMvcValue: null, globalMvcValue: null },
        envelope,
      );
      expect([r.method, r.thresholdPercentage]).toEqual(['backend_estimation', 80]);
      expect(r.threshold).toBeCloseTo(7.64, 12);
    });

    it('reads the envelope only here: an empty one throws', () => {
      expect(() => resolve({})).toThrow(RangeError);
    });
  });
});

describe('resolveDurationThreshold', () => {
  const per = { CH1: 1.5, CH2: null };

  it('a per-muscle value (seconds) wins over the global ms', () => {
    expect(resolveDurationThreshold('CH1', { perMuscleSeconds: per, globalMs: 3000 }, 2000)).toBe(1500);
  });

  it('a per-muscle key present with null gives null, without falling back', () => {
    expect(resolveDurationThreshold('CH2', { perMuscleSeconds: per, globalMs: 3000 }, 2000)).toBeNull();
  });

  it('an absent key uses the global ms', () => {
    expect(resolveDurationThreshold('CH3', { perMuscleSeconds: per, globalMs: 3000 }, 2000)).toBe(3000);
    expect(resolveDurationThreshold('CH1', { perMuscleSeconds: null, globalMs: 3000 }, 2000)).toBe(3000);
  });

  it('only own keys count: "constructor" is not a per-muscle entry', () => {
    expect(resolveDurationThreshold('constructor', { perMuscleSeconds: per, globalMs: 3000 }, 2000)).toBe(
      3000,
    );
  });

  it('global undefined means the profile default, global null means no threshold', () => {
    expect(
      resolveDurationThreshold('CH3', { perMuscleSeconds: per }, GHOSTLY_V1.duration.defaultThresholdMs),
    ).toBe(2000);
    expect(resolveDurationThreshold('CH3', {}, 2000)).toBe(2000);
    expect(resolveDurationThreshold('CH3', { perMuscleSeconds: per, globalMs: null }, 2000)).toBeNull();
  });
});
