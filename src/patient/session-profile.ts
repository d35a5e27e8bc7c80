// Which profile a session is processed with, and the calibrated MVC it gets: the session's own
// profile, else its patient's default, else the service default; the patient's latest MVC
// baseline for that profile, if any (used only for channels the request gives no MVC for).
import { DEFAULT_PROFILE_NAME } from '@app/emg';
import type { Kysely } from 'kysely';
import type { DB } from '../infrastructure/database/database.types.js';
import type { MvcBaselineRepository } from './mvc-baseline.repository.js';

export interface SessionProfileChoice {
  profile: string;
  /** Channel -> MVC (V) of the latest baseline for this profile; undefined without one. */
  calibratedMvc?: Record<string, number>;
  baselineId?: string;
}

export async function resolveSessionProfile(
  repo: MvcBaselineRepository,
  db: Kysely<DB>,
  sessionId: string,
): Promise<SessionProfileChoice> {
  const s = await repo.sessionProfile(db, sessionId);
  const profile = s?.requested ?? s?.patient_default ?? DEFAULT_PROFILE_NAME;
  if (!s) return { profile };
  const baseline = await repo.latest(db, s.patient_id);
  const values = baseline?.mvc_values[profile];
  if (!baseline || !values || Object.keys(values).length === 0) return { profile };
  return { profile, calibratedMvc: values, baselineId: baseline.id };
}
