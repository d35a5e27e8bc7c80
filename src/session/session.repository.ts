import { Injectable } from '@nestjs/common';
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { ProcessingStatus } from '../infrastructure/database/database.types.js';
import { decodeCursor, encodeCursor, ISO_TIMESTAMP } from '../shared/pagination/cursor.js';
import { countRows } from '../shared/pagination/count-rows.js';
import type { PageRequest, RowsPage } from '../shared/pagination/page.dto.js';
import { sessionTx, type SessionRow, type SessionsDB, type SessionTable } from './session-row.types.js';

export interface SessionFilter {
  patientCode?: string;
  /**
   * Only sessions of this therapist's patients. RLS already limits a therapist to them; saying
   * so in the query lets the planner start from the therapist's patients (an index) instead of
   * walking every session in list order and dropping the others.
   */
  ownPatientsOf?: string;
  status?: ProcessingStatus;
  from?: Date;
  to?: Date;
}

/** The sessions' list order: session date, else upload time (CASE, not COALESCE: see 0012). */
const LISTED_AT = sql<Date>`(case when s.session_date is null then s.created_at else s.session_date end)`;

export type SessionListRow = Pick<
  SessionRow,
  | 'id'
  | 'session_code'
  | 'patient_id'
  | 'therapist_id'
  | 'processing_status'
  | 'file_path'
  | 'file_size_bytes'
  | 'session_date'
  | 'processed_at'
  | 'created_at'
> & { patient_code: string; listed_at: string };

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

  /**
   * A page of sessions, newest first: session date (else upload time) desc, session_code desc.
   * Keyset pagination: the cursor is the last row's sort key and the next page is an index range
   * (therapy_sessions_list_idx and its per-patient and per-status variants, migrations/0012).
   */
  async list(trx: Tx, filter: SessionFilter, page: PageRequest): Promise<RowsPage<SessionListRow>> {
    let query = sessionTx(trx).selectFrom('therapy_sessions as s');
    if (filter.patientCode) {
      const code = filter.patientCode.toUpperCase();
      query = query.where('s.patient_id', 'in', (eb) =>
        eb.selectFrom('patients').select('id').where('patient_code', '=', code),
      );
    }
    if (filter.ownPatientsOf) {
      const therapistId = filter.ownPatientsOf;
      query = query.where('s.patient_id', 'in', (eb) =>
        eb.selectFrom('patients').select('id').where('therapist_id', '=', therapistId),
      );
    }
    if (filter.status) query = query.where('s.processing_status', '=', filter.status);
    if (filter.from) query = query.where(LISTED_AT, '>=', filter.from);
    if (filter.to) query = query.where(LISTED_AT, '<=', filter.to);

    let rowsQuery = query;
    if (page.cursor !== undefined) {
      const [at, code] = decodeCursor(page.cursor, 2, ([t]) => ISO_TIMESTAMP.test(t!));
      // listed_at <= t first: a plain range the index answers; the OR only drops the ties.
      rowsQuery = rowsQuery
        .where(LISTED_AT, '<=', sql<Date>`${at}::timestamptz`)
        .where((eb) =>
          eb.or([eb(LISTED_AT, '<', sql<Date>`${at}::timestamptz`), eb('s.session_code', '<', code!)]),
        );
    }
    const [rows, counted] = await Promise.all([
      rowsQuery
        .select([
          's.id',
          's.session_code',
          's.patient_id',
          's.therapist_id',
          's.processing_status',
          's.file_path',
          's.file_size_bytes',
          's.session_date',
          's.processed_at',
          's.created_at',
        ])
        .select((eb) =>
          eb
            .selectFrom('patients as p')
            .select('p.patient_code')
            .whereRef('p.id', '=', 's.patient_id')
            .as('patient_code'),
        )
        .select(
          sql<string>`to_char(${LISTED_AT} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
            'listed_at',
          ),
        )
        .orderBy(LISTED_AT, 'desc')
        .orderBy('s.session_code', 'desc')
        .limit(page.limit + 1)
        .offset(page.cursor === undefined ? page.offset : 0)
        .execute(),
      countRows(trx, query, page.count),
    ]);
    const more = rows.length > page.limit;
    const pageRows = (more ? rows.slice(0, page.limit) : rows).map((r) => ({
      ...r,
      patient_code: r.patient_code ?? '',
    }));
    const last = pageRows.at(-1);
    return {
      rows: pageRows,
      ...counted,
      next_cursor: more && last ? encodeCursor([last.listed_at, last.session_code]) : null,
    };
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

  /** The player's name the file gave, when the caller may read it (admins, the patient's therapist). */
  async playerNameOf(trx: Tx, sessionId: string): Promise<{ player_name: string | null } | undefined> {
    const { rows } = await sql<{
      player_name: string | null;
    }>`select player_name from public.therapy_session_players where session_id = ${sessionId}`.execute(trx);
    return rows[0];
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
