import { describe, expect, it } from '@jest/globals';
import { readC3dFile } from '@app/c3d/node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeEnvelope } from '../envelope.js';
import { GHOSTLY_V1 } from '../profiles/ghostly-v1.js';
import { estimateMvc } from './estimate.js';

// NumPy reference: scripts/reference/make_mvc_fixtures.py (envelope by SciPy filtfilt)
const reference = JSON.parse(
  readFileSync(join(process.cwd(), 'test', 'fixtures', 'emg', 'mvc.json'), 'utf8'),
) as { files: Record<string, Record<string, Record<string, number>>> };

// The envelope matches SciPy to ~1e-12 relative (filters.spec); the statistics over it add
// nothing beyond summation order: 1e-9 relative is a comfortable bound that a wrong formula misses.
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-20);

describe('estimateMvc against the NumPy reference', () => {
  for (const [name, channels] of Object.entries(reference.files)) {
    it(name, () => {
      const file = readC3dFile(join(process.cwd(), 'test', 'fixtures', 'ghostly', name));
      for (const [base, ref] of Object.entries(channels)) {
        const raw = file.analog.channels[file.analog.labels.findIndex((l) => l.trim() === `${base} Raw`)]!;
        const env = computeEnvelope(raw, 990, GHOSTLY_V1.envelope).envelope;
        const est = estimateMvc(env, 75);
        close(est.mvcValue, ref.mvc_value!);
        close(est.thresholdValue, ref.threshold_value!);
        close(est.confidence, ref.confidence_score!);
        close(est.stats.mean, ref.signal_mean!);
        close(est.stats.std, ref.signal_std!);
        close(est.stats.p90, ref.percentile_90!);
        close(est.stats.p99, ref.percentile_99!);
      }
    });
  }
});

describe('estimateMvc edge cases', () => {
  it('a flat zero envelope has no confidence from its shape', () => {
    const est = estimateMvc(new Float64Array(20_000), 75);
    expect(est.mvcValue).toBe(0);
    expect(est.confidence).toBeCloseTo(0.2, 15);
  });
  it('refuses an empty envelope', () => {
    expect(() => estimateMvc([], 75)).toThrow(RangeError);
  });
});
