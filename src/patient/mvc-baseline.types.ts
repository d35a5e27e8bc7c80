// Payload types of patient_mvc_baselines' jsonb columns (migrations/0015_profiles_mvc.sql); the
// generated database.types.ts types those columns with them.
import type { Selectable } from 'kysely';
import type { PatientMvcBaselinesTable } from '../infrastructure/database/database.types.js';

/** Profile name -> channel -> MVC (V). */
export type ProfileMvcValues = Record<string, Record<string, number>>;
/** Profile name -> channel -> the window the MVC was taken from. */
export type ProfileMvcWindows = Record<
  string,
  Record<string, { value: number; window_start_s: number; window_end_s: number }>
>;

export type MvcBaselineRow = Selectable<PatientMvcBaselinesTable>;
