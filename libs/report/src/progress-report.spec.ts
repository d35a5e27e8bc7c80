import { describe, expect, it } from '@jest/globals';
import {
  adherenceByDay,
  renderProgressReport,
  type ProgressReportModel,
  type ProgressSession,
} from './progress-report.js';

const session = (
  code: string,
  date: string,
  overall: number | null,
  good: number,
  status = 'completed',
): ProgressSession => ({
  session_code: code,
  date,
  status,
  overall_score: overall,
  compliance_score: overall,
  symmetry_score: overall,
  effort_score: overall,
  channels:
    status === 'completed'
      ? [
          { name: 'CH1', contractions: 14, good, expected: null, mvc_value: 3e-5, mvc_threshold: 2.25e-5 },
          { name: 'CH2', contractions: 9, good: 1, expected: 10, mvc_value: 1e-5, mvc_threshold: 7.5e-6 },
        ]
      : [],
});

function model(): ProgressReportModel {
  return {
    patient_code: 'P007',
    treatment_start_date: '2026-01-01T00:00:00.000Z',
    total_sessions_planned: 30,
    expected_contractions_default: 12,
    mvc_targets: { CH1: 2e-5, CH2: null },
    adherence: {
      protocol_day: 5,
      adherence_score: 28,
      completed_sessions: 3,
      expected_sessions: 10.7,
      category: 'Poor',
      interpretation: 'Significant concern, support needed',
      trial_duration: 14,
    },
    sessions_per_week: 15,
    sessions: [
      session('P007S001', '2026-01-01T10:00:00.000Z', 60, 4),
      session('P007S002', '2026-01-02T10:00:00.000Z', 70, 6),
      session('P007S003', '2026-01-02T11:00:00.000Z', null, 0, 'failed'),
      session('P007S004', '2026-01-04T10:00:00.000Z', 80, 9),
    ],
    unit: 'V',
    generated_at: '2026-01-05T00:00:00.000Z',
    service_version: '0.1.0',
  };
}

const chart = (html: string, id: string) =>
  html.match(new RegExp(`<svg class="chart" data-chart="${id}"[\\s\\S]*?</svg>`))![0];
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('renderProgressReport', () => {
  const html = renderProgressReport(model());

  it('draws one dot per scored session and leaves the failed one as a gap', () => {
    const scores = chart(html, 'scores');
    expect(count(scores, /<circle class="dot"/g)).toBe(4 * 3);
    // the overall line breaks at the failed session: two sub-paths
    const overall = scores.match(/data-series="Overall"><path class="series" d="([^"]+)"/)![1]!;
    expect(count(overall, /M/g)).toBe(2);
  });

  it('draws contraction bars per session and channel, with both targets (default 12 and a session’s 10)', () => {
    const bars = chart(html, 'contractions');
    expect(count(bars, /<rect class="bar"/g)).toBe(3 * 2 * 2);
    expect(bars).toContain('data-target="target 12 contractions per muscle"');
    expect(bars).toContain('data-target="target 10 contractions per muscle"');
  });

  it('draws MVC estimates in µV with the set MVC75 target only', () => {
    const mvc = chart(html, 'mvc');
    expect(mvc).toContain('MVC (µV)');
    expect(count(mvc, /class="target-line"/g)).toBe(1);
    expect(mvc).toContain('CH1 MVC75 target 20.0 µV');
  });

  it('draws completed sessions up to today’s protocol day against the protocol line', () => {
    const adh = chart(html, 'adherence');
    expect(count(adh, /data-series="Completed"[\s\S]*?<\/g>/g)).toBe(1);
    const completed = adh.match(/data-series="Completed">[\s\S]*?<\/g>/)![0];
    expect(count(completed, /<circle/g)).toBe(5);
    const protocol = adh.match(/data-series="Protocol \(15 per week\)">[\s\S]*?<\/g>/)![0];
    expect(count(protocol, /<circle/g)).toBe(14);
  });

  it('lists every session, and says Poor adherence with its numbers', () => {
    expect(count(html, /<tr class="session-row"/g)).toBe(4);
    expect(html).toContain('28.0 (Poor: Significant concern, support needed); 3 completed of 10.7 expected');
  });
});

describe('adherenceByDay', () => {
  it('counts completed sessions by protocol day from the treatment start', () => {
    const rows = adherenceByDay(
      ['2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z', '2026-01-02T11:00:00Z', '2025-12-31T10:00:00Z'],
      '2026-01-01',
      14,
      15,
    );
    expect(rows.slice(0, 3).map((r) => r.completed)).toEqual([1, 3, 3]);
    expect(rows[6]!.expected).toBeCloseTo(15, 10);
    expect(rows[2]!.result.adherence_score).toBeCloseTo((3 / ((15 / 7) * 3)) * 100, 10);
    expect(rows[1]!.result.adherence_score).toBeNull();
  });
});
