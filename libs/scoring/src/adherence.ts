// Adherence (completed sessions against those expected by today) without the storage listing: the completed count is an input.

export interface AdherenceOptions {
  /** Trial length in days; the protocol day is capped here. Default 14. */
  trialDays?: number;
  /** Below this protocol day no score is given. Default 3. */
  minDays?: number;
  /** Expected game sessions per 7 days. Default 15. */
  sessionsPerWeek?: number;
}

export type AdherenceCategory = 'Excellent' | 'Good' | 'Moderate' | 'Poor';

export interface AdherenceResult {
  protocol_day: number;
  adherence_score: number | null;
  completed_sessions: number;
  expected_sessions: number | null;
  category: AdherenceCategory | null;
  interpretation: string | null;
  trial_duration: number;
  message?: string;
}

const DAY_MS = 86_400_000;

/** min(trialDays, max(1, floor((now - start) / 1 day) + 1)). */
export function protocolDay(start: Date, now: Date, trialDays = 14): number {
  const days = Math.floor((now.getTime() - start.getTime()) / DAY_MS) + 1;
  return Math.min(trialDays, Math.max(1, days));
}

const BANDS: [number, AdherenceCategory, string][] = [
  [85, 'Excellent', 'Meeting/exceeding frequency targets'],
  [70, 'Good', 'Adequate with minor gaps'],
  [50, 'Moderate', 'Suboptimal, intervention consideration'],
  [-Infinity, 'Poor', 'Significant concern, support needed'],
];

export function calculateAdherence(
  completedSessions: number,
  day: number,
  options: AdherenceOptions = {},
): AdherenceResult {
  const trial = options.trialDays ?? 14;
  const minDays = options.minDays ?? 3;
  const perWeek = options.sessionsPerWeek ?? 15;
  const base = { protocol_day: day, completed_sessions: completedSessions, trial_duration: trial };
  if (day < minDays) {
    return {
      ...base,
      adherence_score: null,
      expected_sessions: null,
      category: null,
      interpretation: null,
      message: `Minimum ${minDays} days required for adherence calculation`,
    };
  }
  const expected = (perWeek / 7) * day;
  const score = Math.min(100, (completedSessions / expected) * 100);
  const [, category, interpretation] = BANDS.find(([min]) => score >= min)!;
  return { ...base, adherence_score: score, expected_sessions: expected, category, interpretation };
}
