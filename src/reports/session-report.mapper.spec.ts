import { describe, expect, it } from '@jest/globals';
import type { EmgSignalSet } from '@app/analysis';
import type { SessionDetailDto } from '../session/dto/session-response.dto.js';
import { sessionReportModel } from './session-report.mapper.js';

const noise = (n: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1e-4 + (i % 7) * 1e-6);

function detail(): SessionDetailDto {
  return {
    session_code: 'P001S002',
    patient_code: 'P001',
    file_path: 'c3d-examples/P001/rec.c3d',
    file_hash: 'ab'.repeat(32),
    file_size_bytes: 1234,
    session_date: '2023-03-21T17:50:00.000Z',
    processed_at: '2026-01-01T00:00:00.000Z',
    processing_profile: 'ghostly-v1@1.0.0',
    processing_parameters: { processing_options: { min_duration_ms: 250 } },
    game_metadata: {
      time: '2023-03-21T17:50:00',
      duration: 90,
      duration_seconds: 60,
      file_warnings: [{ code: 'truncated', message: 'data section holds 10 of 20 announced frames' }],
      session_parameters_used: { session_mvc_values: { CH1: 1e-4 } },
    },
    channels: [{ channel_name: 'CH1', analytics: { contraction_count: 1, mvc75_threshold: 7.5e-5 } }],
    contractions: [
      {
        channel_name: 'CH1',
        idx: 0,
        start_sample: 10,
        end_sample: 20,
        start_time_ms: 10,
        end_time_ms: 20,
        duration_ms: 10,
        mean_amplitude: 1,
        max_amplitude: 2,
        meets_mvc: null,
        meets_duration: true,
        is_good: false,
      },
    ],
    performance_scores: {
      scoring_config_id: 'cfg',
      overall_score: 70,
      game_score: null,
      bfr_compliant: true,
      weights_used: { weight_compliance: 0.5, weight_symmetry: 0.25, rpe_value: 4, rpe_source: 'default' },
    },
    session_settings: { target_contractions_ch1: 12, target_contractions_ch2: 10 },
  } as unknown as SessionDetailDto;
}

const signals = (): EmgSignalSet => ({
  samplingRate: 1000,
  samples: 60_000,
  entries: new Map([
    ['CH1 Raw', { data: noise(60_000), rmsEnvelope: null, processedData: null }],
    ['CH1 Processed', { data: noise(60_000).map(Math.abs), rmsEnvelope: null, processedData: null }],
    ['CH1 activated Raw', { data: noise(60_000), rmsEnvelope: null, processedData: null }],
    ['CH3 Raw', { data: noise(500), rmsEnvelope: null, processedData: null }],
  ]),
});

const extras = { unit: 'V', scoringConfigName: 'TRIAL', generatedAt: new Date(0), serviceVersion: '1.2.3' };

describe('sessionReportModel (stored session -> report model)', () => {
  it('warns about the file, a game longer than the EMG, and file channels without analytics (with the reason)', () => {
    const m = sessionReportModel(detail(), { ...extras, signals: signals(), signalProblem: null });
    expect(m.warnings.map((w) => w.code)).toEqual([
      'truncated',
      'recording_shorter_than_game',
      'channel_too_short',
    ]);
    expect(m.warnings[2]!.message).toMatch(/^CH3 was not analysed: Signal too short: 500 samples/);
  });

  it('maps contractions (a null criterion is not met), scores, targets and parameters with their defaults', () => {
    const m = sessionReportModel(detail(), { ...extras, signals: signals(), signalProblem: null });
    expect(m.channels).toHaveLength(1);
    expect(m.channels[0]!.analytics.contractions[0]).toMatchObject({
      meets_mvc: false,
      meets_duration: true,
      start_index: 10,
    });
    expect(m.channels[0]!.signal!.raw).toHaveLength(60_000);
    expect(m.scores).toMatchObject({
      scoring_config_name: 'TRIAL',
      overall_score: 70,
      game_score: null,
      rpe_value: 4,
      rpe_source: 'default',
      expected_contractions_left: 12,
      expected_contractions_right: 10,
    });
    expect(m.profile).toMatchObject({ name: 'ghostly-v1', version: '1.0.0' });
    expect(m.profile.description).toContain('GHOSTLY');
    expect(m.parameters_used.processing).toEqual({
      threshold_factor: 0.1,
      min_duration_ms: 250,
      smoothing_window: 100,
    });
    expect(m.parameters_used.session).toEqual({ session_mvc_values: { CH1: 1e-4 } });
    expect(m.game_metadata).not.toHaveProperty('session_parameters_used');
    expect(m.file).toEqual({ name: 'rec.c3d', sha256: 'ab'.repeat(32), size_bytes: 1234 });
    expect(m.generated_at).toBe('1970-01-01T00:00:00.000Z');
  });

  it('without signals: no plot data and a signals_unavailable warning', () => {
    const m = sessionReportModel(detail(), { ...extras, signals: null, signalProblem: 'gone' });
    expect(m.channels[0]!.signal).toBeNull();
    expect(m.warnings.at(-1)).toEqual({ code: 'signals_unavailable', message: 'gone' });
  });
});
