// seniam-v1 against the NumPy/SciPy reference (scripts/reference/make_seniam_fixtures.py ->
// test/fixtures/emg/seniam.json): synthetic bursts of known truth and the seven GHOSTLY files.
import { describe, expect, it } from '@jest/globals';
import { readC3dFile } from '@app/c3d/node';
import { join } from 'node:path';
import { SENIAM_V1 } from '../profiles/seniam-v1.js';
import { maxViolation, readBin, readJson, relErr } from '../testing/reference.js';
import { computeEnvelope } from '../envelope.js';
import { GHOSTLY_V1 } from '../profiles/ghostly-v1.js';
import { agreement, type Agreement } from './agreement.js';
import { analyzeSeniamChannel, type SeniamChannelAnalysis } from './analyze-seniam-channel.js';
import { bandpass, linearEnvelope, tkeo } from './filters.js';
import { bestWindowMean } from './mvc-window.js';
import type { Span } from './intervals.js';

const REL = 1e-9;
type Num = number | null;
interface RefStats {
  median: number;
  q25: number;
  q75: number;
  iqr: number;
  median_abs: number;
}
interface RefAgreement {
  detected: number;
  reference: number;
  matched: number;
  f1: Num;
  onset: RefStats | null;
  offset: RefStats | null;
}
interface RefTrend {
  n: number;
  slope: number;
  intercept: number;
  stderr: number;
  ci_low: number;
  ci_high: number;
  initial: number;
  slope_pct: number;
  ci_low_pct: number;
  ci_high_pct: number;
}
interface RefContraction {
  start: number;
  end: number;
  mid_s: number;
  duration_ms: number;
  rms: number;
  mav: number;
  mnf: Num;
  mdf: Num;
  fi: Num;
  env_peak: number;
  env_mean: number;
  pct_mvc_peak: number;
  pct_mvc_mean: number;
  meets_mvc: boolean;
  meets_duration: boolean;
}
interface RefChannel {
  band: [number, number];
  methods: Record<
    string,
    {
      threshold: number;
      rest: { start: number; end: number; mean: number; sd: number };
      spans: [number, number][];
      agreement: RefAgreement | null;
    }
  >;
  contractions: RefContraction[];
  fatigue: {
    n: number;
    mdf: RefTrend | null;
    mnf: RefTrend | null;
    fi: { baseline: Num; change_pct: number[]; final_change_pct: Num; trend: RefTrend | null };
  };
  mains: {
    bin_hz: number;
    fraction: number;
    fundamentals: { fundamental_hz: number; fraction: number; lines: { hz: number; ratio_db: number }[] }[];
  } | null;
  gate: {
    passed: boolean;
    reasons: string[];
    measures: {
      clip_fraction: number;
      longest_flat_ms: number;
      snr_db: Num;
      dc_ratio: number;
      mains_fraction: Num;
      contractions_for_slope: number;
    };
  };
  summary: { rms: Num; mav: Num; mnf: Num; mdf: Num };
  mvc: { value: number; threshold: number };
  activated_spans: [number, number][] | null;
  mvc_window: { value: number; start: number; end: number };
  ghostly_mvc_window?: { value: number; start: number; end: number };
}
interface SynCase {
  name: string;
  fs: number;
  n: number;
  x: string;
  bp?: string;
  env?: string;
  tkeo_env?: string;
  mvc: number;
  result: RefChannel & { truth: [number, number][]; truth_agreement: Record<string, RefAgreement> };
}
const ref = readJson<{ synthetic: SynCase[]; ghostly: Record<string, Record<'CH1' | 'CH2', RefChannel>> }>(
  'seniam.json',
);

const close = (a: Num, b: Num, rel = REL) => expect(relErr(a, b)).toBeLessThanOrEqual(rel);
const spans = (s: readonly Span[]) => s.map((x) => [x.start, x.end]);

function checkAgreement(a: Agreement | null, r: RefAgreement | null): void {
  if (r === null) return expect(a).toBeNull();
  expect(a).not.toBeNull();
  expect([a!.detected, a!.reference, a!.matched]).toEqual([r.detected, r.reference, r.matched]);
  close(a!.f1, r.f1);
  for (const [mine, theirs] of [
    [a!.onsetDiffMs, r.onset],
    [a!.offsetDiffMs, r.offset],
  ] as const) {
    if (theirs === null) expect(mine).toBeNull();
    else {
      // differences of integer sample counts / fs: exact up to one rounding each
      close(mine!.median, theirs.median, 1e-12);
      close(mine!.iqr, theirs.iqr, 1e-9);
      close(mine!.medianAbs, theirs.median_abs, 1e-12);
    }
  }
}

function checkTrend(t: SeniamChannelAnalysis['fatigue']['mdf'], r: RefTrend | null): void {
  if (r === null) return expect(t).toBeNull();
  expect(t!.n).toBe(r.n);
  // the slope is a difference quotient of sums: relative error grows as the slope nears zero
  // against the spread of y; the scale below is |y| range / time range, so an absolute bound
  // of 1e-9 of it is what 1e-9 relative means for a slope of that size.
  const scale = Math.abs(r.slope) + Math.abs(r.stderr);
  const near = (a: number, b: number) =>
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(b), scale));
  near(t!.slope, r.slope);
  close(t!.intercept, r.intercept);
  close(t!.slopeStderr, r.stderr);
  near(t!.ciLow, r.ci_low);
  near(t!.ciHigh, r.ci_high);
  close(t!.initial, r.initial);
  const pscale = (100 * scale) / Math.abs(r.initial);
  const nearP = (a: Num, b: number) =>
    expect(Math.abs(a! - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(b), pscale));
  nearP(t!.slopePct, r.slope_pct);
  nearP(t!.ciLowPct, r.ci_low_pct);
  nearP(t!.ciHighPct, r.ci_high_pct);
}

function checkChannel(a: SeniamChannelAnalysis, r: RefChannel): void {
  expect([a.band.lowHz, a.band.highHz]).toEqual(r.band);
  for (const m of a.methods) {
    const rm = r.methods[m.method]!;
    close(m.threshold, rm.threshold);
    checkAgreement(m.agreement, rm.agreement);
  }
  expect(spans(a.onset.spans)).toEqual(r.methods[a.method]!.spans);
  expect(a.onset.rest.start).toBe(r.methods[a.method]!.rest.start);
  close(a.onset.rest.mean, r.methods[a.method]!.rest.mean);
  close(a.onset.rest.sd, r.methods[a.method]!.rest.sd);
  expect(a.contractions).toHaveLength(r.contractions.length);
  a.contractions.forEach((c, i) => {
    const rc = r.contractions[i]!;
    expect([c.start, c.end, c.meetsMvc, c.meetsDuration]).toEqual([
      rc.start,
      rc.end,
      rc.meets_mvc,
      rc.meets_duration,
    ]);
    close(c.midTimeS, rc.mid_s, 1e-15);
    close(c.durationMs, rc.duration_ms, 1e-15);
    for (const [x, y] of [
      [c.rms, rc.rms],
      [c.mav, rc.mav],
      [c.mnf, rc.mnf],
      [c.mdf, rc.mdf],
      [c.fiNsm5, rc.fi],
      [c.envelopePeak, rc.env_peak],
      [c.envelopeMean, rc.env_mean],
      [c.pctMvcPeak, rc.pct_mvc_peak],
      [c.pctMvcMean, rc.pct_mvc_mean],
    ] as const)
      close(x, y);
  });
  expect(a.fatigue.n).toBe(r.fatigue.n);
  checkTrend(a.fatigue.mdf, r.fatigue.mdf);
  checkTrend(a.fatigue.mnf, r.fatigue.mnf);
  close(a.fatigue.fiNsm5.baseline, r.fatigue.fi.baseline);
  expect(a.fatigue.fiNsm5.changePct).toHaveLength(r.fatigue.fi.change_pct.length);
  // a change is 100 (FI/base - 1): near 0 % the subtraction loses digits, so compare to 1e-9 of 100
  a.fatigue.fiNsm5.changePct.forEach((v, i) =>
    expect(Math.abs(v - r.fatigue.fi.change_pct[i]!)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(v))),
  );
  if (r.fatigue.fi.trend) checkTrend(a.fatigue.fiNsm5.trend, r.fatigue.fi.trend);
  if (r.mains === null) expect(a.mains).toBeNull();
  else {
    close(a.mains!.fraction, r.mains.fraction);
    a.mains!.fundamentals.forEach((f, i) => {
      close(f.fraction, r.mains!.fundamentals[i]!.fraction);
      expect(f.lines.map((l) => l.hz)).toEqual(r.mains!.fundamentals[i]!.lines.map((l) => l.hz));
      // dB of a ratio near 1 is near 0: compare absolutely (1e-9 dB)
      f.lines.forEach((l, j) =>
        expect(Math.abs(l.ratioDb! - r.mains!.fundamentals[i]!.lines[j]!.ratio_db)).toBeLessThanOrEqual(1e-9),
      );
    });
  }
  const gm = a.gate.measures;
  const rg = r.gate.measures;
  close(gm.clipFraction, rg.clip_fraction, 0);
  close(gm.longestFlatMs, rg.longest_flat_ms, 1e-15);
  if (rg.snr_db === null) expect(gm.snrDb).toBeNull();
  else expect(Math.abs(gm.snrDb! - rg.snr_db)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(rg.snr_db)));
  close(gm.dcRatio, rg.dc_ratio);
  close(gm.mainsFraction, rg.mains_fraction);
  expect(a.gate.reasons.map((x) => x.code)).toEqual(r.gate.reasons);
  expect(a.gate.passed).toBe(r.gate.passed);
  close(a.summary.rms, r.summary.rms);
  close(a.summary.mav, r.summary.mav);
  close(a.summary.mnf, r.summary.mnf);
  close(a.summary.mdf, r.summary.mdf);
  close(a.mvc.value, r.mvc.value);
  close(a.mvc.threshold, r.mvc.threshold);
  if (r.activated_spans) expect(spans(a.activatedSpans!)).toEqual(r.activated_spans);
}

describe('seniam-v1 on synthetic bursts (known truth) vs NumPy/SciPy', () => {
  describe.each(ref.synthetic.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const x = readBin(c.x);
    const bp = bandpass(x, c.fs, SENIAM_V1.seniam!.bandpass);
    const maxX = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    if (c.bp && c.env && c.tkeo_env) {
      const [bpRef, envRef, teRef] = [c.bp, c.env, c.tkeo_env];
      it('band-pass (SOS, zero-phase) and envelopes at 1e-9 (floor 1e-12 of max|x|)', () => {
        expect(maxViolation(bp, readBin(bpRef), 1e-9, 1e-12, maxX)).toBeLessThanOrEqual(1);
        const env = linearEnvelope(bp, c.fs, SENIAM_V1.seniam!.envelope);
        expect(maxViolation(env, readBin(envRef), 1e-9, 1e-12, maxX)).toBeLessThanOrEqual(1);
        const te = linearEnvelope(tkeo(bp), c.fs, SENIAM_V1.seniam!.envelope);
        expect(maxViolation(te, readBin(teRef), 1e-9, 1e-12, maxX * maxX)).toBeLessThanOrEqual(1);
      });
    }
    it('onsets, contractions, fatigue, mains, gate, summary', () => {
      const a = analyzeSeniamChannel(
        { raw: x, fs: c.fs, mvcValue: c.mvc, thresholdPercentage: 75, durationThresholdMs: 2000 },
        SENIAM_V1,
      );
      checkChannel(a, c.result);
      for (const m of a.methods) {
        const det = m.method === a.method ? a.onset.spans : null;
        if (det) {
          const truth = c.result.truth.map(([start, end]) => ({ start, end }));
          checkAgreement(agreement(det, truth, c.fs), c.result.truth_agreement[m.method]!);
        }
      }
    });
  });
});

const dir = join(process.cwd(), 'test', 'fixtures', 'ghostly');
describe.each(Object.keys(ref.ghostly))('seniam-v1 on %s vs NumPy/SciPy', (file) => {
  const c3d = readC3dFile(join(dir, file));
  const labels = c3d.analog.labels.map((l) => l.trim());
  const get = (label: string) => c3d.analog.channels[labels.indexOf(label)]!;
  const fs = c3d.analog.rate;
  it.each(['CH1', 'CH2'] as const)('%s', (ch) => {
    const r = ref.ghostly[file]![ch];
    const raw = get(`${ch} Raw`);
    const a = analyzeSeniamChannel(
      { raw, activated: get(`${ch} activated`), fs, thresholdPercentage: 75, durationThresholdMs: 2000 },
      SENIAM_V1,
    );
    checkChannel(a, r);
    const w = Math.trunc(0.5 * fs);
    const env = linearEnvelope(bandpass(raw, fs, SENIAM_V1.seniam!.bandpass), fs, SENIAM_V1.seniam!.envelope);
    const best = bestWindowMean(env, w);
    expect([best.start, best.end]).toEqual([r.mvc_window.start, r.mvc_window.end]);
    close(best.value, r.mvc_window.value);
    const g = bestWindowMean(computeEnvelope(raw, fs, GHOSTLY_V1.envelope).envelope, w);
    expect(g.start).toBe(r.ghostly_mvc_window!.start);
    // the ghostly envelope runs through the TF-form 10 Hz low-pass (ill-conditioned DC gain,
    // see ghostly-parity.spec): 1e-8
    close(g.value, r.ghostly_mvc_window!.value, 1e-8);
  });
});
