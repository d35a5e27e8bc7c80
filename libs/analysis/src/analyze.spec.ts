import { describe, expect, it } from '@jest/globals';
import { readC3dFile } from '@app/c3d/node';
import { join } from 'node:path';
import {
  AnalysisError,
  analyzeC3d,
  rescore,
  sessionDateTime,
  validateAnalysisParams,
  normalizeAnalysisParams,
} from './index.js';

const dir = join(process.cwd(), 'test', 'fixtures', 'ghostly');
// The original's results: CH1 n/mvc/dur/good, CH2 n/mvc/dur/good, S_left, S_right, compliance, symmetry, overall
const TABLE: [string, number[], number[], number[]][] = [
  [
    'Ghostly_Emg_20230321_17-23-09-0409.c3d',
    [15, 15, 0, 0],
    [11, 11, 0, 0],
    [66.6, 63.82, 65.21, 97.87, 82.07],
  ],
  [
    'Ghostly_Emg_20230321_17-28-14-0160.c3d',
    [17, 17, 0, 0],
    [6, 6, 0, 0],
    [66.6, 49.95, 58.28, 85.71, 75.57],
  ],
  [
    'Ghostly_Emg_20230321_17-33-14-0785.c3d',
    [19, 19, 0, 0],
    [11, 11, 0, 0],
    [66.6, 63.82, 65.21, 97.87, 82.07],
  ],
  ['Ghostly_Emg_20230321_17-50-17-0881.c3d', [18, 18, 0, 0], [8, 8, 0, 0], [66.6, 55.5, 61.05, 90.91, 78.25]],
  [
    'Ghostly_Emg_20231004_13-18-43-0464.c3d',
    [12, 12, 4, 4],
    [4, 4, 0, 0],
    [77.73, 44.4, 61.07, 72.71, 73.71],
  ],
  [
    'Ghostly_Emg_20250310_11-46-23-0823.c3d',
    [34, 33, 0, 0],
    [11, 11, 0, 0],
    [65.62, 63.82, 64.72, 98.61, 82.01],
  ],
  [
    'Ghostly_Emg_20250310_11-50-16-0578.c3d',
    [38, 38, 0, 0],
    [11, 11, 0, 0],
    [66.6, 63.82, 65.21, 97.87, 82.07],
  ],
];
const counts = (a: {
  contraction_count: number;
  mvc_compliant_count: number;
  duration_compliant_count: number;
  good_contraction_count: number;
}) => [a.contraction_count, a.mvc_compliant_count, a.duration_compliant_count, a.good_contraction_count];

describe("analyzeC3d on the GHOSTLY files reproduces the original's results", () => {
  it.each(TABLE)('%s', (file, ch1, ch2, s) => {
    const r = analyzeC3d(readC3dFile(join(dir, file)));
    expect(counts(r.analytics.CH1!)).toEqual(ch1);
    expect(counts(r.analytics.CH2!)).toEqual(ch2);
    const p = r.performance_analysis;
    const got = [
      p.left_muscle_compliance,
      p.right_muscle_compliance,
      p.compliance_score,
      p.symmetry_score,
      p.overall_score!,
    ];
    expect(got.map((v) => v.toFixed(2))).toEqual(s.map((v) => v.toFixed(2)));
    expect(p.effort_score).toBe(100);
    expect(p.data_completeness.rpe_source).toBe('default');
    expect(r.processing_profile.name).toBe('ghostly-v1');
    expect(r.analytics.CH1!.mvc_estimation_method).toBe('backend_estimation');
  });
});

describe('report details (0881)', () => {
  const file = readC3dFile(join(dir, 'Ghostly_Emg_20230321_17-50-17-0881.c3d'));
  const r = analyzeC3d(file);
  it('metadata with the real duration and full date-time', () => {
    expect(r.metadata.time).toBe('2023-03-21T17:50:00');
    expect(r.metadata.duration_seconds).toBeCloseTo(175.12, 2);
    expect(r.metadata.level).toBe('1');
    expect(r.metadata.score).toBe(12);
    expect(r.available_channels).toEqual([
      'CH1 Raw',
      'CH2 Raw',
      'CH1 activated',
      'CH1 activated Raw',
      'CH2 activated',
      'CH2 activated Raw',
      'CH1 Processed',
      'CH2 Processed',
    ]);
  });
  it('first CH1 contraction as in 15.3', () => {
    const c = r.analytics.CH1!.contractions[0]!;
    expect(c.start_time_ms.toFixed(1)).toBe('1984.8');
    expect(c.duration_ms.toFixed(1)).toBe('481.8');
    expect(r.analytics.CH1!.mpf_temporal_stats.valid_windows).toBe(349);
  });
  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('rescore with RPE and per-channel targets changes only the scores', () => {
    const r2 = rescore(r, { rpePostSession: 7 });
    expect(r2.performance_analysis.effort_score).toBe(50);
    expect(r2.performance_analysis.data_completeness.has_rpe).toBe(true);
    expect(r2.analytics).toBe(r.analytics);
    const r3 = analyzeC3d(file, {
      session_params: {
        session_expected_contractions_ch2: 8,
        session_mvc_value: 1e-4,
        session_mvc_threshold_percentage: 50,
      },
    });
    expect(r3.performance_analysis.completion_rate_right).toBe(1);
    expect(r3.analytics.CH1!.mvc_estimation_method).toBe('global_provided');
    expect(r3.analytics.CH1!.mvc75_threshold).toBeCloseTo(5e-5, 15);
  });
});

describe('errors and params', () => {
  it('no_emg_channels for a file without analog channels', () => {
    const file = readC3dFile(join(dir, 'Ghostly_Emg_20230321_17-23-09-0409.c3d'));
    const empty = { ...file, analog: { ...file.analog, labels: [], channels: [] } };
    expect(() => analyzeC3d(empty)).toThrow(AnalysisError);
    try {
      analyzeC3d(empty);
    } catch (e) {
      expect((e as AnalysisError).code).toBe('no_emg_channels');
    }
  });
  it('validateAnalysisParams reports bad shapes', () => {
    expect(validateAnalysisParams({ processing_options: { threshold_factor: 'x' } })).toHaveLength(1);
    expect(validateAnalysisParams({ session_params: { session_mvc_values: { CH1: 1e-4 } } })).toEqual([]);
    // null means "not given", for maps as for numbers
    expect(
      validateAnalysisParams({
        processing_options: { threshold_factor: null },
        session_params: { session_mvc_values: null, session_mvc_value: null },
      }),
    ).toEqual([]);
  });
  it('normalizeAnalysisParams drops null members, in maps too', () => {
    expect(
      normalizeAnalysisParams({
        processing_options: { threshold_factor: null as unknown as number },
        session_params: {
          session_mvc_values: { CH1: 1e-4, CH2: null },
          session_mvc_threshold_percentages: { CH1: null },
          session_mvc_value: null,
          contraction_duration_threshold: 1500,
        },
      }),
    ).toEqual({
      session_params: { session_mvc_values: { CH1: 1e-4 }, contraction_duration_threshold: 1500 },
    });
  });
  it('sessionDateTime', () => {
    expect(sessionDateTime(['2025', '3', '10', '11', '46'])).toBe('2025-03-10T11:46:00');
    expect(sessionDateTime(['2023'])).toBeUndefined();
  });
});
