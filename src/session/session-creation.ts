import type { AnalysisParams } from '@app/analysis';
import type { SubjectiveInputs } from '@app/scoring';
import type { SubjectiveData } from './session-row.types.js';

/** What creating a session needs, whichever door the file came through. */
export interface NewSessionInput {
  patientCode: string;
  fileHash: string;
  sizeBytes: number;
  params: AnalysisParams;
  subjective: SubjectiveData;
  source: 'upload' | 'webhook';
  /** Object path when the file is already in storage (webhook); otherwise built from the codes. */
  objectPath?: string;
  originalName: string;
  /** Requested processing profile; null = the patient's default at processing time. */
  profile?: string | null;
}

export function pickSubjective(form: SubjectiveData): SubjectiveData {
  const out: SubjectiveData = {};
  for (const key of [
    'rpe_post_session',
    'bfr_pressure_aop',
    'game_points_achieved',
    'game_points_max',
  ] as const) {
    if (form[key] !== undefined) out[key] = form[key];
  }
  return out;
}

/** The stored subjective data as the scoring library's inputs. */
export function toSubjectiveInputs(s: SubjectiveData): SubjectiveInputs {
  return {
    rpePostSession: s.rpe_post_session,
    bfrPressureAop: s.bfr_pressure_aop,
    gamePointsAchieved: s.game_points_achieved,
    gamePointsMax: s.game_points_max,
  };
}

/** Same values for the four subjective fields (an absent field equals an absent field). */
export function sameSubjective(a: SubjectiveData, b: SubjectiveData): boolean {
  return (['rpe_post_session', 'bfr_pressure_aop', 'game_points_achieved', 'game_points_max'] as const).every(
    (k) => (a[k] ?? null) === (b[k] ?? null),
  );
}
