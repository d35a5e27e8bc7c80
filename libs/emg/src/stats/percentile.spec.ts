// percentile() against a sort-based numpy 'linear' reference on inputs large enough for the
// bracketed selection, including inputs built to defeat its sample (fallback path).
import { describe, expect, it } from '@jest/globals';
import { percentile } from './percentile.js';
import { uniform } from '../../../../test/support/random.js';

/** numpy.percentile(x, q), method 'linear', from a full sort. */
function reference(x: ArrayLike<number>, q: number): number {
  const s = Float64Array.from(x).sort();
  if (Number.isNaN(s[s.length - 1]!)) return Number.NaN;
  const v = (q / 100) * (s.length - 1);
  const lo = Math.floor(v);
  const t = v - lo;
  if (lo + 1 >= s.length) return s[lo]!;
  const a = s[lo]!;
  const b = s[lo + 1]!;
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

const QS = [0, 1, 5, 25, 50, 75, 94.9, 95, 99, 99.99, 100];

describe('percentile on large inputs', () => {
  const r = uniform(7);
  const cases: Record<string, Float64Array> = {
    uniform: Float64Array.from({ length: 50_000 }, () => r()),
    'skewed envelope-like': Float64Array.from({ length: 173_370 }, () => r() ** 6 * 1e-3),
    'gated, mostly zeros': Float64Array.from({ length: 60_000 }, () => (r() < 0.98 ? 0 : r())),
    'few distinct values': Float64Array.from({ length: 20_000 }, () => Math.floor(r() * 3)),
    sorted: Float64Array.from({ length: 30_000 }, (_, i) => i),
    reversed: Float64Array.from({ length: 30_001 }, (_, i) => -i),
    // every sampled position (stride 8) holds a large value: the sample brackets the wrong ranks
    'defeats the sample': Float64Array.from({ length: 8192 }, (_, i) => (i % 8 === 0 ? 1e6 + i : i)),
  };
  for (const [name, x] of Object.entries(cases)) {
    it(`equals the sorted reference exactly: ${name}`, () => {
      for (const q of QS) expect(percentile(x, q)).toBe(reference(x, q));
    });
  }

  it('returns NaN when the input holds a NaN, wherever it is', () => {
    for (const at of [0, 4321, 49_999]) {
      const x = Float64Array.from({ length: 50_000 }, () => r());
      x[at] = Number.NaN;
      expect(percentile(x, 95)).toBeNaN();
    }
  });

  it('works on plain arrays too', () => {
    const x = Array.from({ length: 10_000 }, () => r());
    expect(percentile(x, 95)).toBe(reference(x, 95));
  });
});
