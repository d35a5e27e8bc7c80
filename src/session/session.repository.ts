import { Injectable } from '@nestjs/common';
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type { DB, TherapySessionsTable } from '../infrastructure/database/database.types.js';
import type { PageRequest, RowsPage } from '../shared/pagination/page.dto.js';
import { listSessions, type SessionFilter, type SessionListRow } from './session-list.repository.js';

/** A therapy_sessions row as read. */
export type SessionRow = Selectable<TherapySessionsTable>;

export type { SessionFilter, SessionListRow } from './session-list.repository.js';

/**
 * All SQL on therapy_sessions (patients are looked up through PatientRepository). Methods take
 * the caller's transaction, so under asUser row-level security decides what exists.
 */
@Injectable()
export class SessionRepository {
  async nextSessionCode(trx: Tx, patientId: string): Promise<string> {
    const { rows } = await sql<{
      code: string;
    }>`select public.next_session_code(${patientId}) as code`.execute(trx);
    return rows[0]!.code;
  }

  async insert(trx: Tx, values: Insertable<TherapySessionsTable>): Promise<SessionRow> {
    return trx.insertInto('therapy_sessions').values(values).returningAll().executeTakeFirstOrThrow();
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
    return trx
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('patient_id', '=', patientId)
      .where('file_hash', '=', fileHash)
      .executeTakeFirst();
  }

  async findByCode(trx: Tx, sessionCode: string): Promise<SessionRow | undefined> {
    return trx
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('session_code', '=', sessionCode.toUpperCase())
      .executeTakeFirst();
  }

  /** findByCode, locking the row for the rest of the transaction (read-modify-write updates). */
  async lockByCode(trx: Tx, sessionCode: string): Promise<SessionRow | undefined> {
    return trx
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('session_code', '=', sessionCode.toUpperCase())
      .forNoKeyUpdate()
      .executeTakeFirst();
  }

  async findById(db: Kysely<DB>, id: string): Promise<SessionRow | undefined> {
    return db.selectFrom('therapy_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Locks the session row for the rest of the transaction (serialises result writers). FOR NO
   * KEY UPDATE: writers never change the key, and this lock does not wait on the key-share locks
   * that inserting child rows (statistics, contractions) takes on the session.
   */
  async lockById(trx: Tx, id: string): Promise<SessionRow | undefined> {
    return trx
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('id', '=', id)
      .forNoKeyUpdate()
      .executeTakeFirst();
  }

  /** A page of sessions, newest first (session date, else upload time; then session code). */
  list(trx: Tx, filter: SessionFilter, page: PageRequest): Promise<RowsPage<SessionListRow>> {
    return listSessions(trx, filter, page);
  }

  async update(
    db: Kysely<DB>,
    id: string,
    patch: Updateable<TherapySessionsTable>,
  ): Promise<SessionRow | undefined> {
    return db
      .updateTable('therapy_sessions')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Stage and progress of a running job; only while the session is still processing. */
  async reportProgress(db: Kysely<DB>, id: string, stage: string, progress: number): Promise<void> {
    await db
      .updateTable('therapy_sessions')
      .set({ stage, progress, processing_status: 'processing' })
      .where('id', '=', id)
      .where('processing_status', 'in', ['queued', 'processing'])
      .execute();
  }

  async unfinished(db: Kysely<DB>): Promise<SessionRow[]> {
    return db
      .selectFrom('therapy_sessions')
      .selectAll()
      .where('processing_status', 'in', ['queued', 'processing'])
      .orderBy('created_at')
      .execute();
  }

  /** The player's name the file gave, when the caller may read it (admins, the patient's therapist). */
  async playerNameOf(trx: Tx, sessionId: string): Promise<{ player_name: string | null } | undefined> {
    const { rows } = await sql<{
      player_name: string | null;
    }>`select player_name from public.therapy_session_players where session_id = ${sessionId}`.execute(trx);
    return rows[0];
  }
}
