import { Injectable } from '@nestjs/common';
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { ProcessingStatus } from '../infrastructure/database/database.types.js';
import { sessionTx, type SessionRow, type SessionsDB, type SessionTable } from './session-row.types.js';

export interface SessionFilter {
  patientCode?: string;
  status?: ProcessingStatus;
  from?: Date;
  to?: Date;
}

export interface PatientRef {
  id: string;
  patient_code: string;
  therapist_id: string | null;
}

/**
 * All SQL on therapy_sessions and the patient lookups of the pipeline. Methods take the caller's
 * transaction, so under asUser row-level security decides what exists.
 */
@Injectable()
export class SessionRepository {
  async findPatient(trx: Tx, patientCode: string): Promise<PatientRef | undefined> {
    return trx
      .selectFrom('patients')
      .select(['id', 'patient_code', 'therapist_id'])
      .where('patient_code', '=', patientCode.toUpperCase())
      .executeTakeFirst();
  }

  async nextSessionCode(trx: Tx, patientId: string): Promise<string> {
    const { rows } = await sql<{
      code: string;
    }>`select public.next_session_code(${patientId}) as code`.execute(trx);
    return rows[0]!.code;
  }

  async insert(trx: Tx, values: Insertable<SessionTable>): Promise<SessionRow> {
    return sessionTx(trx)
      .insertInto('therapy_sessions')
      .values(values)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Every stored file path of the patient's sessions. */
  async filePathsOf(trx: Tx, patientId: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('therapy_sessions')
      .select('file_path')
      .where('patient_id', '=', patientId)
      .execute();
    return rows.map((r) => r.file_path);
  }

  async findByPatientHash(trx: Tx, patientId: string, fileHash: string): Promise<SessionRow | undefined> {
    return sessionTx(trx)
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('patient_id', '=', patientId)
      .where('file_hash', '=', fileHash)
      .executeTakeFirst();
  }

  async findByCode(trx: Tx, sessionCode: string): Promise<SessionRow | undefined> {
    return sessionTx(trx)
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('session_code', '=', sessionCode.toUpperCase())
      .executeTakeFirst();
  }

  /** findByCode, locking the row for the rest of the transaction (read-modify-write updates). */
  async lockByCode(trx: Tx, sessionCode: string): Promise<SessionRow | undefined> {
    return sessionTx(trx)
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('session_code', '=', sessionCode.toUpperCase())
      .forNoKeyUpdate()
      .executeTakeFirst();
  }

  async findById(db: Kysely<SessionsDB> | Tx, id: string): Promise<SessionRow | undefined> {
    return (db as Kysely<SessionsDB>)
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /**
   * Locks the session row for the rest of the transaction (serialises result writers). FOR NO
   * KEY UPDATE: writers never change the key, and this lock does not wait on the key-share locks
   * that inserting child rows (statistics, contractions) takes on the session.
   */
  async lockById(trx: Tx, id: string): Promise<SessionRow | undefined> {
    return sessionTx(trx)
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('id', '=', id)
      .forNoKeyUpdate()
      .executeTakeFirst();
  }

  async list(trx: Tx, filter: SessionFilter, page: { limit: number; offset: number }) {
    let query = sessionTx(trx)
      .selectFrom('therapy_sessions as s')
      .innerJoin('patients as p', 'p.id', 's.patient_id');
    if (filter.patientCode) query = query.where('p.patient_code', '=', filter.patientCode.toUpperCase());
    if (filter.status) query = query.where('s.processing_status', '=', filter.status);
    const when = sql<Date>`coalesce(s.session_date, s.created_at)`;
    if (filter.from) query = query.where(when, '>=', filter.from);
    if (filter.to) query = query.where(when, '<=', filter.to);
    const [rows, count] = await Promise.all([
      query
        .selectAll('s')
        .select('p.patient_code')
        .orderBy(when, 'desc')
        .orderBy('s.session_code', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }

  async update(
    db: Kysely<SessionsDB> | Tx,
    id: string,
    patch: Updateable<SessionTable>,
  ): Promise<SessionRow | undefined> {
    return (db as Kysely<SessionsDB>)
      .updateTable('therapy_sessions')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Stage and progress of a running job; only while the session is still processing. */
  async reportProgress(db: Kysely<SessionsDB>, id: string, stage: string, progress: number): Promise<void> {
    await db
      .updateTable('therapy_sessions')
      .set({ stage, progress, processing_status: 'processing' })
      .where('id', '=', id)
      .where('processing_status', 'in', ['queued', 'processing'])
      .execute();
  }

  async unfinished(db: Kysely<SessionsDB>): Promise<SessionRow[]> {
    return db
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('processing_status', 'in', ['queued', 'processing'])
      .orderBy('created_at')
      .execute();
  }

  async patientOf(
    trx: Tx,
    patientId: string,
  ): Promise<{ id: string; therapist_id: string | null } | undefined> {
    return trx
      .selectFrom('patients')
      .select(['id', 'therapist_id'])
      .where('id', '=', patientId)
      .executeTakeFirst();
  }

  async patientCodeOf(trx: Tx, patientId: string): Promise<string> {
    const row = await trx
      .selectFrom('patients')
      .select('patient_code')
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    return row.patient_code;
  }
}
