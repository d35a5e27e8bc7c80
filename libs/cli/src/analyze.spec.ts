import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisParams, AnalysisReport, ChannelAnalyticsReport } from '@app/analysis';
import { runAnalyze } from './analyze.js';
import { captureIo } from '../../../test/support/cli-io.js';

const ghostly = join(process.cwd(), 'test', 'fixtures', 'ghostly');
const f0409 = join(ghostly, 'Ghostly_Emg_20230321_17-23-09-0409.c3d');

const capture = () => captureIo();

describe('emg-c3d analyze', () => {
  it('--json prints one report with the original field names', async () => {
    const c = capture();
    expect(await runAnalyze([f0409, '--json'], c.io)).toBe(0);
    const r = JSON.parse(c.out.join('')) as {
      analytics: Record<string, { contraction_count: number }>;
      performance_analysis: { overall_score: number };
    };
    expect(r.analytics.CH1!.contraction_count).toBe(15);
    expect(r.performance_analysis.overall_score.toFixed(2)).toBe('82.07');
  });

  it('--params uses the original upload names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emg-analyze-'));
    const params = join(dir, 'p.json');
    writeFileSync(params, JSON.stringify({ session_params: { session_expected_contractions_ch2: 11 } }));
    const c = capture();
    expect(await runAnalyze([f0409, '--params', params, '--csv'], c.io)).toBe(0);
    expect(c.out.join('').split('\n')[1]).toMatch(/^Ghostly_Emg_20230321_17-23-09-0409\.c3d,CH1,15,/);
  });

  it('bad arguments and unknown profiles', async () => {
    expect(await runAnalyze([], capture().io)).toBe(1);
    expect(await runAnalyze([f0409, '--json', '--csv'], capture().io)).toBe(1);
    const c = capture();
    expect(await runAnalyze([f0409, '--profile', 'nope'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('unknown_profile');
  });
});

/** `analyze 0409 --json [--params P]` in-process; the report parsed from stdout. */
async function analyzeJson(params?: AnalysisParams): Promise<AnalysisReport> {
  const args = [f0409, '--json'];
  if (params) {
    const file = join(mkdtempSync(join(tmpdir(), 'emg-analyze-')), 'params.json');
    writeFileSync(file, JSON.stringify(params));
    args.push('--params', file);
  }
  const c = capture();
  expect(await runAnalyze(args, c.io)).toBe(0);
  return JSON.parse(c.out.join('')) as AnalysisReport;
}

type Counts = Pick<
  ChannelAnalyticsReport,
  'contraction_count' | 'mvc_compliant_count' | 'duration_compliant_count'
>;

/** Per-muscle compliance as the original scores it, with GHOSTLY-TRIAL-DEFAULT (0.333 / 0.333 / 0.334, 12 expected). */
function muscleScore(a: Counts, expected: number): number {
  const n = a.contraction_count;
  return (
    100 *
    (0.333 * Math.min(n / expected, 1) +
      0.333 * (a.mvc_compliant_count / n) +
      0.334 * (a.duration_compliant_count / n))
  );
}

/** overall = 0.5 compliance + 0.25 symmetry + 0.25 effort, effort 100 for the default RPE 4 (no BFR value: gate 1). */
function overallScore(left: number, right: number): number {
  const symmetry = 100 * (1 - Math.abs(left - right) / (left + right));
  return 0.5 * ((left + right) / 2) + 0.25 * symmetry + 0.25 * 100;
}

const spans = (a: ChannelAnalyticsReport): [number, number][] =>
  a.contractions.map((c) => [c.start_index, c.end_index]);

describe('emg-c3d analyze --params changes the results', () => {
  // 0409 without params: CH1 15 contractions, CH2 11, all MVC-ok, none >= 2000 ms
  let baseline: AnalysisReport;
  beforeAll(async () => {
    baseline = await analyzeJson();
  });

  it('the baseline the other cases compare with', () => {
    const { CH1, CH2 } = baseline.analytics;
    expect([CH1!.contraction_count, CH1!.mvc_compliant_count, CH1!.duration_compliant_count]).toEqual([
      15, 15, 0,
    ]);
    expect([CH2!.contraction_count, CH2!.mvc_compliant_count, CH2!.duration_compliant_count]).toEqual([
      11, 11, 0,
    ]);
    expect([CH1!.expected_contractions, CH2!.expected_contractions]).toEqual([null, null]);
    expect(CH1!.mvc_estimation_method).toBe('backend_estimation');
    const p = baseline.performance_analysis;
    expect(p.completion_rate_right).toBeCloseTo(11 / 12, 12);
    expect(p.right_muscle_compliance).toBeCloseTo(muscleScore(CH2!, 12), 9);
    expect(p.overall_score).toBeCloseTo(overallScore(muscleScore(CH1!, 12), muscleScore(CH2!, 12)), 9);
  });

  it('session_expected_contractions_ch2 sets CH2 expected_contractions, its completion rate and the scores', async () => {
    const r = await analyzeJson({ session_params: { session_expected_contractions_ch2: 11 } });
    const { CH1, CH2 } = r.analytics;
    expect([CH1!.expected_contractions, CH2!.expected_contractions]).toEqual([null, 11]);
    const p = r.performance_analysis;
    // 11 of 11 expected: complete; CH1 keeps the default 12
    expect([p.expected_contractions_left, p.expected_contractions_right]).toEqual([12, 11]);
    expect([p.completion_rate_left, p.completion_rate_right]).toEqual([1, 1]);
    expect(p.right_muscle_compliance).toBeCloseTo(muscleScore(CH2!, 11), 9);
    expect(p.right_muscle_compliance).toBeCloseTo(66.6, 9);
    expect(p.overall_score).toBeCloseTo(overallScore(muscleScore(CH1!, 12), muscleScore(CH2!, 11)), 9);
    expect(p.overall_score).toBeCloseTo(83.3, 9);
  });

  it('contraction_duration_threshold 250 ms makes the contractions of >= 250 ms duration-compliant', async () => {
    const r = await analyzeJson({ session_params: { contraction_duration_threshold: 250 } });
    for (const ch of ['CH1', 'CH2']) {
      const a = r.analytics[ch]!;
      expect(a.duration_threshold_actual_value).toBe(250);
      // detection does not depend on the threshold: same contractions as without params
      expect(spans(a)).toEqual(spans(baseline.analytics[ch]!));
      expect(a.duration_compliant_count).toBe(a.contractions.filter((c) => c.duration_ms >= 250).length);
    }
    // CH1 has one contraction of 221 ms, CH2 one of 243 ms; all are MVC-ok, so good = duration-ok
    expect([r.analytics.CH1!.duration_compliant_count, r.analytics.CH2!.duration_compliant_count]).toEqual([
      14, 10,
    ]);
    expect([r.analytics.CH1!.good_contraction_count, r.analytics.CH2!.good_contraction_count]).toEqual([
      14, 10,
    ]);
  });

  it('session_mvc_values {CH1: x} is user_provided with threshold 0.75 x; CH2 keeps its estimate', async () => {
    const x = 4e-4;
    const r = await analyzeJson({ session_params: { session_mvc_values: { CH1: x } } });
    const { CH1, CH2 } = r.analytics;
    expect([CH1!.mvc_estimation_method, CH1!.mvc_value, CH1!.mvc_threshold_percentage]).toEqual([
      'user_provided',
      x,
      75,
    ]);
    expect(CH1!.mvc75_threshold).toBeCloseTo(x * 0.75, 15);
    expect(spans(CH1!)).toEqual(spans(baseline.analytics.CH1!));
    // 3e-4 is above 7 of the 15 peaks: fewer MVC-ok contractions than with the estimate
    expect(CH1!.mvc_compliant_count).toBe(
      CH1!.contractions.filter((c) => c.max_amplitude >= x * 0.75).length,
    );
    expect(CH1!.mvc_compliant_count).toBe(8);
    expect(CH2!.mvc_estimation_method).toBe('backend_estimation');
    expect(CH2!.mvc75_threshold).toBe(baseline.analytics.CH2!.mvc75_threshold);
    expect(r.metadata.session_parameters_used.session_mvc_values).toMatchObject({ CH1: x });
  });

  it('processing_options.min_duration_ms 300 drops the shorter contractions', async () => {
    const r = await analyzeJson({ processing_options: { min_duration_ms: 300 } });
    expect(r.processing_options_used.min_duration_ms).toBe(300);
    for (const ch of ['CH1', 'CH2']) {
      // no 0409 contraction is a merge of fragments, so raising the minimum removes exactly
      // the contractions shorter than it and leaves the others unchanged
      const kept = baseline.analytics[ch]!.contractions.filter((c) => c.duration_ms >= 300);
      expect(r.analytics[ch]!.contractions).toEqual(kept);
    }
    expect([r.analytics.CH1!.contraction_count, r.analytics.CH2!.contraction_count]).toEqual([13, 7]);
  });
});
