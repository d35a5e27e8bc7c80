import { describe, expect, it } from '@jest/globals';
import { readC3dFile } from '@app/c3d/node';
import { join } from 'node:path';
import { analyzeC3d } from './analyze.js';
import type { SessionParams } from './params.js';
import { recalculateAnalytics } from './recalc.js';

const file = readC3dFile(
  join(process.cwd(), 'test', 'fixtures', 'ghostly', 'Ghostly_Emg_20230321_17-50-17-0881.c3d'),
);
// what the client posts back: the previous answer through JSON
const base = JSON.parse(JSON.stringify(analyzeC3d(file))) as ReturnType<typeof analyzeC3d>;

const cases: [string, SessionParams][] = [
  [
    'new global percentage and duration',
    { session_mvc_threshold_percentage: 120, contraction_duration_threshold: 450 },
  ],
  [
    'per-channel MVC values and percentages',
    {
      session_mvc_values: { CH1: 2e-4, CH2: 5e-5 },
      session_mvc_threshold_percentages: { CH1: 60, CH2: 90 },
      contraction_duration_threshold: 300,
    },
  ],
  ['global MVC value', { session_mvc_value: 1.5e-4, session_mvc_threshold_percentage: 75 }],
  [
    'per-muscle durations and expected contractions',
    {
      session_duration_thresholds_per_muscle: { CH1: 0.3, CH2: 0.6 },
      session_expected_contractions_ch1: 10,
      session_expected_contractions_ch2: 20,
    },
  ],
  ['nothing new (the defaults)', {}],
];

describe('recalculateAnalytics equals a fresh analysis with the same thresholds', () => {
  it.each(cases)('%s', (_, sp) => {
    const fresh = analyzeC3d(file, { session_params: sp });
    const recalc = recalculateAnalytics(base.analytics, sp);
    for (const ch of ['CH1', 'CH2']) {
      const r = recalc.analytics[ch]!;
      const f = fresh.analytics[ch]!;
      expect(r.contractions).toEqual(f.contractions);
      for (const key of [
        'good_contraction_count',
        'mvc_compliant_count',
        'duration_compliant_count',
        'compliance_rate',
        'mvc75_threshold',
        'mvc_value',
        'mvc_threshold_percentage',
        'mvc_estimation_method',
        'duration_threshold_actual_value',
        'expected_contractions',
      ] as const) {
        expect([ch, key, r[key]]).toEqual([ch, key, f[key]]);
      }
    }
    expect(recalc.performanceAnalysis).toEqual(fresh.performance_analysis);
    expect(recalc.sessionParametersUsed.session_mvc_values).toEqual(
      fresh.metadata.session_parameters_used.session_mvc_values,
    );
  });

  it('changes the flags when the thresholds change (the test above can fail)', () => {
    const strict = recalculateAnalytics(base.analytics, { contraction_duration_threshold: 300 });
    expect(strict.analytics.CH1!.duration_compliant_count).toBeGreaterThan(
      base.analytics.CH1!.duration_compliant_count,
    );
    expect(strict.performanceAnalysis.overall_score).not.toBe(base.performance_analysis.overall_score);
  });
});

describe('recalculateAnalytics under seniam-v1 equals a fresh seniam-v1 analysis', () => {
  const seniam = JSON.parse(JSON.stringify(analyzeC3d(file, {}, { profile: 'seniam-v1' }))) as ReturnType<
    typeof analyzeC3d
  >;
  it.each(cases)('%s', (_, sp) => {
    const fresh = analyzeC3d(file, { session_params: sp }, { profile: 'seniam-v1' });
    const recalc = recalculateAnalytics(seniam.analytics, sp, { profile: 'seniam-v1' });
    for (const ch of ['CH1', 'CH2']) {
      expect(recalc.analytics[ch]!.contractions).toEqual(fresh.analytics[ch]!.contractions);
      expect(recalc.analytics[ch]!.mvc75_threshold).toBe(fresh.analytics[ch]!.mvc75_threshold);
      expect(recalc.analytics[ch]!.good_contraction_count).toBe(fresh.analytics[ch]!.good_contraction_count);
    }
    expect(recalc.performanceAnalysis.overall_score).toBe(fresh.performance_analysis.overall_score);
  });
});
