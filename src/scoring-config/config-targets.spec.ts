import { describe, expect, it } from '@jest/globals';
import { parseTargets, withConfigTargets } from './config-targets.js';

const TRIAL_DEFAULT_TARGETS = {
  mvc_threshold_percentage: 75,
  target_duration_ch1_ms: 2000,
  target_duration_ch2_ms: 2000,
  target_contractions_ch1: 12,
  target_contractions_ch2: 12,
  bfr_target_lop_percentage_ch1: 50,
};

describe('configuration targets', () => {
  it('parses target_defaults and ignores invalid values', () => {
    expect(parseTargets(TRIAL_DEFAULT_TARGETS)).toEqual({
      mvcThresholdPercentage: 75,
      durationMs: { CH1: 2000, CH2: 2000 },
      contractions: { CH1: 12, CH2: 12 },
    });
    expect(
      parseTargets({
        mvc_threshold_percentage: 150,
        target_duration_ch1_ms: -1,
        target_contractions_ch2: 'x',
      }),
    ).toEqual({
      mvcThresholdPercentage: undefined,
      durationMs: { CH1: undefined, CH2: undefined },
      contractions: { CH1: undefined, CH2: undefined },
    });
    expect(parseTargets(null)).toEqual({
      mvcThresholdPercentage: undefined,
      durationMs: { CH1: undefined, CH2: undefined },
      contractions: { CH1: undefined, CH2: undefined },
    });
  });

  it('fills what the session leaves open', () => {
    const t = parseTargets({
      mvc_threshold_percentage: 60,
      target_duration_ch1_ms: 1500,
      target_duration_ch2_ms: 500,
      target_contractions_ch1: 8,
      target_contractions_ch2: 10,
    });
    expect(withConfigTargets({}, t)).toEqual({
      session_params: {
        session_mvc_threshold_percentage: 60,
        session_duration_thresholds_per_muscle: { CH1: 1.5, CH2: 0.5 },
        session_expected_contractions_ch1: 8,
        session_expected_contractions_ch2: 10,
      },
    });
  });

  it('never overrides what the session states, null included', () => {
    const t = parseTargets({
      mvc_threshold_percentage: 60,
      target_duration_ch1_ms: 1500,
      target_contractions_ch1: 8,
      target_contractions_ch2: 10,
    });
    const params = {
      processing_options: { threshold_factor: 0.2 },
      session_params: {
        session_mvc_threshold_percentage: null,
        contraction_duration_threshold: 250,
        session_expected_contractions: 5,
      },
    };
    expect(withConfigTargets(params, t)).toEqual(params);
    const perChannel = withConfigTargets(
      { session_params: { session_expected_contractions_ch2: 3 } },
      t,
    ).session_params;
    expect(perChannel).toMatchObject({
      session_expected_contractions_ch1: 8,
      session_expected_contractions_ch2: 3,
    });
  });
});
