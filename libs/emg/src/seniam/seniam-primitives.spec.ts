// seniam-v1 building blocks: closed-form cases, SciPy values (seniam.json primitives) and the
// near misses each defence must catch.
import { describe, expect, it } from '@jest/globals';
import { readJson, relErr } from '../testing/reference.js';
import { SENIAM_V1 } from '../profiles/seniam-v1.js';
import { studentTQuantile } from '../fatigue/student-t.js';
import { linearTrend } from '../fatigue/trend.js';
import { fatigueTrends } from '../fatigue/fatigue.js';
import { agreement } from './agreement.js';
import { bandSpectrum } from './band-spectrum.js';
import { bandEdges, tkeo } from './filters.js';
import { applyMinDurations, runsAbove } from './intervals.js';
import { bonatoSpans } from './onsets.js';
import { qualityGate } from './quality-gate.js';
import { findRestWindow } from './rest.js';
import { bestWindowMean } from './mvc-window.js';

interface Prim {
  band: {
    f: number[];
    p: number[];
    lo: number;
    hi: number;
    result: { mnf: number; mdf: number; fi: number };
  };
  t975: Record<string, number>;
  t_other: Record<string, number>;
  trend: {
    t: number[];
    y: number[];
    result: { slope: number; intercept: number; stderr: number; ci_low: number };
  };
}
const prim = readJson<{ primitives: Prim }>('seniam.json').primitives;
const P = SENIAM_V1.seniam!;

describe('band edges', () => {
  it('upper edge is 0.9 Nyquist at 990 Hz (445.5 Hz), 450 Hz at 2 kHz', () => {
    expect(bandEdges(990, P.bandpass)).toEqual({ lowHz: 20, highHz: 445.5 });
    expect(bandEdges(2000, P.bandpass)).toEqual({ lowHz: 20, highHz: 450 });
  });
});

describe('bandSpectrum', () => {
  it('matches the reference (MDF interpolated between bins) at 1e-12', () => {
    const r = bandSpectrum(prim.band.f, prim.band.p, prim.band.lo, prim.band.hi)!;
    expect(relErr(r.mnf, prim.band.result.mnf)).toBeLessThan(1e-12);
    expect(relErr(r.mdf, prim.band.result.mdf)).toBeLessThan(1e-12);
    expect(relErr(r.fiNsm5, prim.band.result.fi)).toBeLessThan(1e-12);
  });
  it('flat two-bin band: the median lies halfway, not on a bin', () => {
    // bins 10, 20, 30 Hz with equal power: cumulative 1, 2, 3 of 3 -> half (1.5) between 10 and 20
    expect(bandSpectrum([10, 20, 30], [1, 1, 1], 10, 30)!.mdf).toBe(15);
    // near miss: an un-interpolated first-bin-over-half rule would give 20
    expect(bandSpectrum([10, 20, 30], [1, 1, 1], 10, 30)!.mdf).not.toBe(20);
  });
  it('ignores power outside the band (DC and below 20 Hz)', () => {
    const a = bandSpectrum([0, 10, 20, 40], [1e6, 1e6, 1, 1], 20, 445.5)!;
    expect(a.mnf).toBe(30);
    expect(bandSpectrum([0, 10], [1, 1], 20, 445.5)).toBeNull();
  });
});

describe('Student t quantile vs scipy.stats.t.ppf', () => {
  it.each(Object.entries(prim.t975))('0.975, df %s at 1e-12', (df, q) => {
    expect(relErr(studentTQuantile(0.975, Number(df)), q)).toBeLessThan(1e-12);
  });
  it.each(Object.entries(prim.t_other))('%s at 1e-12', (k, q) => {
    const [p, df] = k.split('_').map(Number);
    expect(relErr(studentTQuantile(p!, df!), q)).toBeLessThan(1e-12);
  });
});

describe('linearTrend', () => {
  it('matches scipy.stats.linregress and its t-based CI', () => {
    const t = linearTrend(prim.trend.t, prim.trend.y)!;
    expect(relErr(t.slope, prim.trend.result.slope)).toBeLessThan(1e-9);
    expect(relErr(t.intercept, prim.trend.result.intercept)).toBeLessThan(1e-12);
    expect(relErr(t.slopeStderr, prim.trend.result.stderr)).toBeLessThan(1e-9);
    expect(relErr(t.ciLow, prim.trend.result.ci_low)).toBeLessThan(1e-9);
  });
  it('exact line: slope, zero-width CI, %/s of the first fitted value', () => {
    const t = linearTrend([2, 4, 6, 8], [100, 98, 96, 94])!;
    expect(t.slope).toBeCloseTo(-1, 14);
    expect(t.ciHigh - t.ciLow).toBeCloseTo(0, 12);
    expect(t.slopePct).toBeCloseTo(-1, 12); // -1 Hz/s of 100 Hz at t = 2
  });
  it('needs 3 points with distinct times', () => {
    expect(linearTrend([1, 2], [1, 2])).toBeNull();
    expect(linearTrend([1, 1, 1], [1, 2, 3])).toBeNull();
  });
  it('FInsm5 change against the mean of the first three', () => {
    const cs = [1, 1, 1, 2, 3].map((fi, i) => ({ midTimeS: i, mdf: 50, mnf: 60, fiNsm5: fi }));
    const f = fatigueTrends(cs, 3, 0.95);
    expect(f.fiNsm5.baseline).toBe(1);
    expect(f.fiNsm5.changePct).toEqual([0, 0, 0, 100, 200]);
    expect(f.fiNsm5.finalChangePct).toBe(100);
    expect(fatigueTrends(cs.slice(0, 2), 3, 0.95).fiNsm5.baseline).toBeNull();
  });
});

describe('runs and minimum durations', () => {
  it('strict threshold, half-open spans, open ends', () => {
    expect(runsAbove([2, 1, 1, 2, 2, 0, 3], 1)).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 5 },
      { start: 6, end: 7 },
    ]);
  });
  it('bridges gaps shorter than minOff, then drops spans shorter than minOn', () => {
    const s = [
      { start: 0, end: 5 },
      { start: 8, end: 10 }, // gap 3 < 4: bridged
      { start: 14, end: 15 }, // gap 4: kept apart, then too short (1 < 3)
    ];
    expect(applyMinDurations(s, 3, 4)).toEqual([{ start: 0, end: 10 }]);
    // near miss: a gap of exactly minOff is not bridged
    expect(
      applyMinDurations(
        [
          { start: 0, end: 5 },
          { start: 9, end: 14 },
        ],
        3,
        4,
      ),
    ).toHaveLength(2);
  });
});

describe('rest window and MVC window', () => {
  const env = [5, 5, 1, 1, 1, 5, 9, 9, 8, 5];
  it('rest = lowest-mean window', () => {
    expect(findRestWindow(env, 3)).toMatchObject({ start: 2, end: 5, mean: 1, sd: 0 });
  });
  it('MVC = highest-mean window', () => {
    expect(bestWindowMean(env, 3)).toEqual({ value: 26 / 3, start: 6, end: 9 });
    expect(bestWindowMean(env, 1).value).toBe(9);
  });
});

describe('TKEO and Bonato', () => {
  it('tkeo of a sinusoid is constant A^2 sin^2(w)', () => {
    const w = 0.3;
    const x = Array.from({ length: 50 }, (_, i) => 2 * Math.sin(w * i));
    const y = tkeo(x);
    for (const v of y) expect(v).toBeCloseTo(4 * Math.sin(w) ** 2, 12);
  });
  it('finds a burst of large pairs and not isolated exceedances', () => {
    const x = new Float64Array(400).fill(0.1);
    for (let i = 100; i < 200; i++) x[i] = i % 2 ? 3 : -3;
    for (let i = 300; i < 340; i += 10) x[i] = 5; // single spikes: 1 of every 5 pairs
    const rest = { start: 0, end: 100, mean: 0, sd: 0 };
    const { spans, zeta } = bonatoSpans(x, rest, 0.05, 10, 5);
    expect(zeta).toBeCloseTo(-2 * Math.log(0.05), 14);
    expect(spans).toEqual([{ start: 100, end: 200 }]);
  });
});

describe('quality gate', () => {
  const fs = 1000;
  const n = 10000;
  const mk = () =>
    Float64Array.from({ length: n }, (_, i) => 1e-5 * Math.sin(i * 1.3) * (i % 1000 < 500 ? 10 : 1));
  const spans = Array.from({ length: 10 }, (_, k) => ({ start: k * 1000, end: k * 1000 + 500 }));
  const base = { fs, spans, mainsFraction: 0.01, contractionsForSlope: 10 };
  it('a clean signal passes with no reason', () => {
    const x = mk();
    const g = qualityGate({ ...base, raw: x, bp: x }, P.gate, 5);
    expect(g.passed).toBe(true);
    expect(g.reasons).toEqual([]);
    expect(g.measures.snrDb).toBeCloseTo(20, 0);
  });
  it('clipping: runs at the rail above 0.1 % fail, a near miss passes', () => {
    const x = mk();
    const rail = 2e-4;
    for (let i = 0; i < 12; i++) x[100 + i] = rail; // 12 samples = 0.12 %
    expect(qualityGate({ ...base, raw: x, bp: mk() }, P.gate, 5).reasons.map((r) => r.code)).toContain(
      'clipping',
    );
    const y = mk();
    for (let i = 0; i < 9; i++) y[100 + i] = rail; // 0.09 %
    expect(qualityGate({ ...base, raw: y, bp: mk() }, P.gate, 5).reasons.map((r) => r.code)).not.toContain(
      'clipping',
    );
  });
  it('flat line over 100 ms fails; 100 ms exactly does not', () => {
    const x = mk();
    x.fill(3e-6, 2000, 2101);
    expect(qualityGate({ ...base, raw: x, bp: mk() }, P.gate, 5).reasons.map((r) => r.code)).toContain(
      'flat_line',
    );
    const y = mk();
    y.fill(3e-6, 2000, 2100);
    expect(qualityGate({ ...base, raw: y, bp: mk() }, P.gate, 5).reasons.map((r) => r.code)).not.toContain(
      'flat_line',
    );
  });
  it('low SNR, DC offset, mains, too few contractions, none at all', () => {
    const flatAmp = Float64Array.from({ length: n }, (_, i) => 1e-5 * Math.sin(i * 1.3));
    const codes = (o: Partial<Parameters<typeof qualityGate>[0]>) =>
      qualityGate({ ...base, raw: flatAmp, bp: flatAmp, ...o }, P.gate, 5).reasons.map(
        (r) => `${r.code}:${r.severity}`,
      );
    expect(codes({})).toContain('low_snr:fail');
    expect(codes({ raw: flatAmp.map((v) => v + 2e-5) })).toContain('dc_offset:warn');
    expect(codes({ mainsFraction: 0.06 })).toContain('mains_interference:warn');
    expect(codes({ mainsFraction: 0.04 })).not.toContain('mains_interference:warn');
    expect(codes({ mainsFraction: 0.26 })).toContain('mains_interference:fail');
    expect(codes({ mainsFraction: 0.24 })).toContain('mains_interference:warn');
    expect(codes({ contractionsForSlope: 4 })).toContain('too_few_contractions:warn');
    expect(codes({ spans: [] })).toContain('no_contractions:fail');
  });
});

describe('agreement', () => {
  it('one-to-one matching by overlap, onset/offset differences, F1', () => {
    const ref = [
      { start: 100, end: 200 },
      { start: 400, end: 500 },
      { start: 800, end: 900 },
    ];
    const det = [
      { start: 110, end: 190 },
      { start: 150, end: 210 }, // second detection inside the first reference: unmatched
      { start: 390, end: 520 },
    ];
    const a = agreement(det, ref, 1000);
    expect([a.matched, a.detected, a.reference]).toEqual([2, 3, 3]);
    expect(a.f1).toBeCloseTo(4 / 6, 15);
    expect(a.onsetDiffMs!.median).toBe(0); // +10 and -10 ms
    expect(a.offsetDiffMs!.median).toBe(5); // -10 and +20 ms
  });
});
