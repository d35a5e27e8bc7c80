import type { SubjectiveInputs } from '@app/scoring';
import type { SubjectiveData } from '../infrastructure/database/database.types.js';

const SUBJECTIVE_FIELDS = [
  'rpe_post_session',
  'bfr_pressure_aop',
  'game_points_achieved',
  'game_points_max',
] as const satisfies readonly (keyof SubjectiveData)[];

/** The four subjective fields a form or body gave (absent ones left out, so a merge keeps them). */
export function pickSubjective(form: SubjectiveData): SubjectiveData {
  const out: SubjectiveData = {};
  for (const key of SUBJECTIVE_FIELDS) {
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
  return SUBJECTIVE_FIELDS.every((k) => (a[k] ?? null) === (b[k] ?? null));
}
