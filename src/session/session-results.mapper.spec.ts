import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readC3d } from '@app/c3d';
import { analyzeC3d, type AnalysisReport } from '@app/analysis';
import { settingsRow } from './session-results.mapper.js';

const FILE = join(process.cwd(), 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-23-09-0409.c3d');
const analyse = (params: Parameters<typeof analyzeC3d>[1]): AnalysisReport =>
  analyzeC3d(readC3d(readFileSync(FILE)), params);

describe('settingsRow (session_settings)', () => {
  it('holds the percentage, durations and expected contractions the analysis used', () => {
    const report = analyse({
      session_params: {
        session_mvc_threshold_percentage: 40,
        contraction_duration_threshold: 1200,
        session_expected_contractions_ch1: 3,
        session_expected_contractions_ch2: 7,
      },
    });
    const row = settingsRow('s', report);
    expect(row).toMatchObject({
      mvc_threshold_percentage: 40,
      target_duration_ch1_ms: 1200,
      target_duration_ch2_ms: 1200,
      target_contractions_ch1: 3,
      target_contractions_ch2: 7,
    });
    expect(row.target_mvc75_ch1).toBe(report.analytics.CH1!.mvc75_threshold);
    expect(row.target_mvc75_ch2).toBe(report.analytics.CH2!.mvc75_threshold);
  });

  it("takes the scoring's expected contractions where the channel has none", () => {
    const report = analyse({ session_params: { session_expected_contractions_ch1: 3 } });
    expect(report.analytics.CH2!.expected_contractions).toBeNull();
    // the scoring's own default for a channel without a target, here changed from 12 to tell them apart
    report.performance_analysis.expected_contractions_right = 9;
    expect(settingsRow('s', report)).toMatchObject({
      target_contractions_ch1: 3,
      target_contractions_ch2: 9,
    });
  });
});
