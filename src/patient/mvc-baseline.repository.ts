import { Injectable } from '@nestjs/common';
import type { Insertable, Kysely } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { DB, PatientMvcBaselinesTable } from '../infrastructure/database/database.types.js';
import type { MvcBaselineRow } from './mvc-baseline.types.js';

export type BaselineWithSession = MvcBaselineRow & { source_session_code: string | null };

export interface SessionFileRef {
  id: string;
  session_code: string;
  patient_id: string;
  file_path: string;
  file_hash: string;
}

/**
 * All SQL of MVC baselines and of the profile a session is processed with (patients' own
 * columns are PatientRepository's). User calls run in the caller's
 * transaction (RLS decides what exists); the session pipeline reads in its service context.
 */
@Injectable()
export class MvcBaselineRepository {
  findSession(trx: Tx, sessionCode: string): Promise<SessionFileRef | undefined> {
    return trx
      .selectFrom('therapy_sessions')
      .select(['id', 'session_code', 'patient_id', 'file_path', 'file_hash'])
      .where('session_code', '=', sessionCode)
      .executeTakeFirst();
  }

  insert(trx: Tx, values: Insertable<PatientMvcBaselinesTable>): Promise<MvcBaselineRow> {
    return trx.insertInto('patient_mvc_baselines').values(values).returningAll().executeTakeFirstOrThrow();
  }

  /** Newest first, with the source session's code. */
  history(trx: Tx, patientId: string, limit: number): Promise<BaselineWithSession[]> {
    return trx
      .selectFrom('patient_mvc_baselines as b')
      .leftJoin('therapy_sessions as s', 's.id', 'b.source_session_id')
      .selectAll('b')
      .select('s.session_code as source_session_code')
      .where('b.patient_id', '=', patientId)
      .orderBy('b.created_at', 'desc')
      .orderBy('b.id', 'desc')
      .limit(limit)
      .execute();
  }

  async latest(db: Tx | Kysely<DB>, patientId: string): Promise<MvcBaselineRow | undefined> {
    return db
      .selectFrom('patient_mvc_baselines')
      .selectAll()
      .where('patient_id', '=', patientId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** The profile a session asked for, and its patient's default (service context). */
  async sessionProfile(
    db: Kysely<DB>,
    sessionId: string,
  ): Promise<{ patient_id: string; requested: string | null; patient_default: string | null } | undefined> {
    return db
      .selectFrom('therapy_sessions as s')
      .innerJoin('patients as p', 'p.id', 's.patient_id')
      .select(['s.patient_id', 's.processing_profile as requested', 'p.default_profile as patient_default'])
      .where('s.id', '=', sessionId)
      .executeTakeFirst();
  }
}
