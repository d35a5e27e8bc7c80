import { describe, expect, it } from '@jest/globals';
import { minMaxDownsample } from './downsample.js';

describe('minMaxDownsample', () => {
  it('keeps short signals as they are', () => {
    expect(minMaxDownsample([3, 1, 2], 10)).toEqual({ index: [0, 1, 2], values: [3, 1, 2] });
  });

  it('keeps every bucket extreme in time order and stays within max_points', () => {
    const signal = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50));
    signal[1234] = 9;
    signal[8765] = -9;
    const out = minMaxDownsample(signal, 200);
    expect(out.values.length).toBeLessThanOrEqual(200);
    expect(out.values).toContain(9);
    expect(out.values).toContain(-9);
    expect([...out.index].sort((a, b) => a - b)).toEqual(out.index);
  });
});
