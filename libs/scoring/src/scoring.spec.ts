import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bfrGate,
  calculateAdherence,
  calculatePerformanceScores,
  GHOSTLY_TRIAL_DEFAULT as CFG,
  gameScore,
  protocolDay,
  symmetryScore,
  type ScoringConfig,
} from './index.js';

const counts = (n: number, m: number, d: number, e?: number) => ({
  totalContractions: n,
  mvcContractions: m,
  durationContractions: d,
  expectedContractions: e,
});

describe('the original scores of the seven GHOSTLY files (default config, no RPE/game/BFR)', () => {
  const ref = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/emg/ghostly.json'), 'utf8')) as {
    files: Record<
      string,
      { CH1: Record<string, number>; CH2: Record<string, number>; performance: Record<string, number> }
    >;
  };
  it.each(Object.entries(ref.files))('%s', (_f, r) => {
    const s = calculatePerformanceScores({
      left: counts(r.CH1.contraction_count!, r.CH1.mvc_compliant_count!, r.CH1.duration_compliant_count!),
      right: counts(r.CH2.contraction_count!, r.CH2.mvc_compliant_count!, r.CH2.duration_compliant_count!),
    });
    for (const k of [
      'overall_score',
      'compliance_score',
      'symmetry_score',
      'left_muscle_compliance',
      'right_muscle_compliance',
    ] as const) {
      expect(s[k]).toBeCloseTo(r.performance[k]!, 12);
    }
    expect(s.effort_score).toBe(100);
    expect(s.rpe_source).toBe('default');
    expect(s.data_completeness.has_rpe).toBe(false);
  });

  it('0881 published values', () => {
    const s = calculatePerformanceScores({ left: counts(18, 18, 0), right: counts(8, 8, 0) });
    expect(s.overall_score!.toFixed(2)).toBe('78.25');
    expect(s.compliance_score.toFixed(2)).toBe('61.05');
    expect(s.symmetry_score.toFixed(2)).toBe('90.91');
    expect(s.completion_rate_right).toBeCloseTo(0.6667, 4);
  });
});

describe('formulas (original unit-test expectations, 6.7)', () => {
  it('perfect session', () => {
    const s = calculatePerformanceScores({
      left: counts(12, 12, 12),
      right: counts(12, 12, 12),
      rpePostSession: 5,
      gamePointsAchieved: 80,
      gamePointsMax: 100,
      bfrPressureAop: 50,
    });
    expect(s.compliance_score).toBeCloseTo(100, 10);
    expect(s.overall_score).toBeCloseTo(100, 10);
  });
  it('symmetry', () => {
    expect(symmetryScore(80, 80)).toBe(100);
    expect(symmetryScore(90, 80)).toBeCloseTo(94.12, 2);
    expect(symmetryScore(100, 50)).toBeCloseTo(66.67, 2);
    expect(symmetryScore(0, 0)).toBe(0);
  });
  it('game and BFR gate', () => {
    expect(gameScore(85, 100)).toBe(85);
    expect(gameScore(50, 0)).toBe(0);
    expect(gameScore(null, 100)).toBeNull();
    for (const p of [45, 50, 55, null]) expect(bfrGate(p, CFG.bfrGate)).toBe(1);
    for (const p of [44.9, 55.1, 30, 70]) expect(bfrGate(p, CFG.bfrGate)).toBe(0);
  });
  it('worked example of 6.6 (the docs round loosely: 88.3 is 88.13 by the formula); RPE 6 -> 75 in the single table', () => {
    const s = calculatePerformanceScores({
      left: counts(11, 9, 10),
      right: counts(12, 8, 11),
      rpePostSession: 6,
      gamePointsAchieved: 850,
      gamePointsMax: 1000,
      bfrPressureAop: 52,
    });
    expect(s.left_muscle_compliance).toBeCloseTo(
      ((0.333 * 11) / 12) * 100 + ((0.333 * 9) / 11) * 100 + ((0.334 * 10) / 11) * 100,
      10,
    );
    expect(s.right_muscle_compliance).toBeCloseTo(86.12, 2);
    expect(s.effort_score).toBe(75);
    expect(s.overall_score).toBeCloseTo(0.5 * s.compliance_score + 0.25 * s.symmetry_score + 0.25 * 75, 10);
  });
  it('RPE: one table, default RPE reported and counted alike, unmapped -> 50', () => {
    expect(
      calculatePerformanceScores({ left: counts(1, 1, 1), right: counts(1, 1, 1), rpePostSession: 7 })
        .effort_score,
    ).toBe(50);
    expect(
      calculatePerformanceScores({ left: counts(1, 1, 1), right: counts(1, 1, 1), rpePostSession: 11 })
        .effort_score,
    ).toBe(50);
  });
  it('per-muscle expected contractions are honoured', () => {
    const s = calculatePerformanceScores({ left: counts(6, 6, 0, 6), right: counts(6, 6, 0) });
    expect(s.completion_rate_left).toBe(1);
    expect(s.completion_rate_right).toBe(0.5);
    expect(s.expected_contractions_right).toBe(12);
  });
  it('configured main weights are used and renormalised over available components', () => {
    const cfg: ScoringConfig = {
      ...CFG,
      weights: { ...CFG.weights, compliance: 0.4, symmetry: 0.25, effort: 0.2, game: 0.15 },
    };
    const s = calculatePerformanceScores(
      { left: counts(12, 12, 12), right: counts(12, 12, 12), rpePostSession: 4 },
      cfg,
    );
    expect(s.overall_score).toBeCloseTo(100, 10);
    expect(s.game_score).toBeNull();
  });
  it('BFR outside the window zeroes compliance only', () => {
    const s = calculatePerformanceScores({
      left: counts(12, 12, 12),
      right: counts(12, 12, 12),
      bfrPressureAop: 70,
    });
    expect(s.compliance_score).toBe(0);
    expect(s.symmetry_score).toBe(100);
    expect(s.bfr_compliant).toBe(false);
  });
});

describe('adherence (6.9)', () => {
  it('bands and expectations', () => {
    expect(calculateAdherence(5, 2).adherence_score).toBeNull();
    const r = calculateAdherence(7, 7);
    expect(r.expected_sessions).toBeCloseTo(15, 10);
    expect(r.adherence_score).toBeCloseTo(46.67, 2);
    expect(r.category).toBe('Poor');
    expect(calculateAdherence(18, 7).adherence_score).toBe(100);
    expect(calculateAdherence(11, 7).category).toBe('Good');
    expect(calculateAdherence(8, 7).category).toBe('Moderate');
    expect(calculateAdherence(0, 7).adherence_score).toBe(0);
  });
  it('protocol day is clamped to [1, 14]', () => {
    const start = new Date('2025-01-01T00:00:00Z');
    expect(protocolDay(start, new Date('2025-01-01T10:00:00Z'))).toBe(1);
    expect(protocolDay(start, new Date('2025-01-07T10:00:00Z'))).toBe(7);
    expect(protocolDay(start, new Date('2025-03-01T00:00:00Z'))).toBe(14);
  });
});
