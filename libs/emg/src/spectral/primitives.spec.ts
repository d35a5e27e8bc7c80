// Smoothing, percentile, Welch and metrics against NumPy/SciPy on the synthetic signals.
import { describe, expect, it } from '@jest/globals';
import { GHOSTLY_V1 } from '../profiles/ghostly-v1.js';
import { movingAverage } from '../smoothing/moving-average.js';
import { movingRms } from '../smoothing/moving-rms.js';
import { percentile } from '../stats/percentile.js';
import { temporalStats } from '../temporal-stats.js';
import { maxViolation, readBin, readJson, relErr, type SyntheticFixture } from '../testing/reference.js';
import { hannPeriodic } from './hann.js';
import { signalMetrics } from './signal-metrics.js';
import { welch } from './welch.js';

const fx = readJson<SyntheticFixture>('synthetic.json');
const abs = (x: Float64Array) => x.map(Math.abs);

describe.each(fx.cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
  const x = readBin(c.x);
  it('moving average (convolve same) for windows 1, 49, 100', () => {
    for (const w of [1, 49, 100])
      expect(
        maxViolation(movingAverage(x, w), readBin(c[`ma${w}`] as string), 1e-9, 1e-13),
      ).toBeLessThanOrEqual(1);
  });
  it('moving RMS of |x|', () => {
    expect(maxViolation(movingRms(abs(x), 49), readBin(c.mrms49 as string), 1e-9, 1e-13)).toBeLessThanOrEqual(
      1,
    );
  });
  it('percentiles (linear)', () => {
    for (const [q, v] of Object.entries(c.percentiles as Record<string, number>))
      expect(relErr(percentile(x, Number(q)), v)).toBeLessThan(1e-15);
  });
  it('Welch PSD and frequencies', () => {
    const r = welch(x, fx.fs);
    expect(Array.from(r.f)).toEqual(c.welch_f);
    expect(maxViolation(r.p, readBin(c.welch_p as string), 1e-9, 1e-13)).toBeLessThanOrEqual(1);
  });
  it('whole-signal metrics and temporal statistics', () => {
    const m = signalMetrics(x, fx.fs, GHOSTLY_V1.spectral);
    const e = c.metrics as Record<string, number | null>;
    expect(relErr(m.rms, e.rms!)).toBeLessThan(1e-12);
    expect(relErr(m.mav, e.mav!)).toBeLessThan(1e-12);
    expect(relErr(m.mpf, e.mpf!)).toBeLessThan(1e-9);
    expect(m.mdf).toBe(e.mdf);
    // For pure tones Σ P·f^5 is dominated by leakage bins at rounding level (P ~ 1e-33 x f^5),
    // so FI is rounding noise in any implementation: compared only for broadband signals.
    if (!c.name.startsWith('sine'))
      expect(relErr(m.fatigueIndexFiNsm5, e.fatigue_index_fi_nsm5!)).toBeLessThan(1e-9);
    const t = temporalStats(x, fx.fs, GHOSTLY_V1.temporal, GHOSTLY_V1.spectral);
    const et = c.temporal as Record<
      string,
      { valid_windows: number; mean_value: number | null; std_value: number | null }
    >;
    expect(t.mpf.validWindows).toBe(et.mpf!.valid_windows);
    expect(relErr(t.rms.mean, et.rms!.mean_value)).toBeLessThan(1e-9);
    // a pure tone's per-window MPF is constant up to rounding, so its std is rounding noise
    if (!c.name.startsWith('sine')) expect(relErr(t.mpf.std, et.mpf!.std_value)).toBeLessThan(1e-9);
  });
});

describe('windows and short signals', () => {
  it('periodic Hann equals scipy get_window("hann", 256)', () => {
    expect(maxViolation(hannPeriodic(256), fx.hann256, 1e-14, 1e-16)).toBeLessThanOrEqual(1);
  });
  it('Welch with nperseg = n = 100 (non power of two)', () => {
    const r = welch(fx.welch_short.x, fx.fs);
    expect(maxViolation(r.p, fx.welch_short.p, 1e-9, 1e-12)).toBeLessThanOrEqual(1);
  });
  it('no PSD below 256 samples', () => {
    expect(
      signalMetrics(
        new Float64Array(200).map((_, i) => Math.sin(i)),
        990,
        GHOSTLY_V1.spectral,
      ).mpf,
    ).toBeNull();
  });
  it('percentile rejects empty input and q outside [0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});
