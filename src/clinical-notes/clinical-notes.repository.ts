import { Injectable } from '@nestjs/common';
import type { Insertable } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import { countRows } from '../shared/pagination/count-rows.js';
import type { PageRequest, RowsPage } from '../shared/pagination/page.dto.js';
import {
  afterTimeId,
  decodeTimeIdCursor,
  keysetSlice,
  utcText,
} from '../shared/pagination/time-id-keyset.js';
import type { ClinicalNotesTable, ClinicalNoteType } from '../infrastructure/database/database.types.js';
import type { NoteRow } from './dto/note.dto.js';

export interface NotePatient {
  id: string;
  patient_code: string;
}

export interface NoteSession {
  id: string;
  session_code: string;
  file_path: string;
}

/**
 * All SQL on clinical_notes. Every method runs in the caller's transaction, so row-level
 * security decides which notes, patients and sessions exist for the caller.
 */
@Injectable()
export class ClinicalNotesRepository {
  async findPatient(trx: Tx, patientCode: string): Promise<NotePatient | undefined> {
    return trx
      .selectFrom('patients')
      .select(['id', 'patient_code'])
      .where('patient_code', '=', patientCode)
      .executeTakeFirst();
  }

  async findSession(trx: Tx, sessionCode: string): Promise<NoteSession | undefined> {
    return trx
      .selectFrom('therapy_sessions')
      .select(['id', 'session_code', 'file_path'])
      .where('session_code', '=', sessionCode.toUpperCase())
      .executeTakeFirst();
  }

  async listForPatient(
    trx: Tx,
    patientId: string,
    noteType: ClinicalNoteType | undefined,
    page: PageRequest,
  ): Promise<RowsPage<NoteRow>> {
    let query = notesWithCodes(trx).where('n.patient_id', '=', patientId);
    if (noteType) query = query.where('n.note_type', '=', noteType);
    return pageOf(trx, query, page);
  }

  /** The session's own notes and the notes about its file, under any of the path's forms. */
  async listForSession(
    trx: Tx,
    session: NoteSession,
    filePaths: string[],
    noteType: ClinicalNoteType | undefined,
    page: PageRequest,
  ): Promise<RowsPage<NoteRow>> {
    let query = notesWithCodes(trx).where((eb) =>
      eb.or([
        eb('n.session_id', '=', session.id),
        eb.and([eb('n.note_type', '=', 'file'), eb('n.file_path', 'in', filePaths)]),
      ]),
    );
    if (noteType) query = query.where('n.note_type', '=', noteType);
    return pageOf(trx, query, page);
  }

  async insert(trx: Tx, values: Insertable<ClinicalNotesTable>): Promise<string> {
    const row = await trx
      .insertInto('clinical_notes')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async findById(trx: Tx, id: string): Promise<NoteRow | undefined> {
    return notesWithCodes(trx)
      .where('n.id', '=', id)
      .selectAll('n')
      .select(['p.patient_code', 's.session_code'])
      .executeTakeFirst();
  }

  /** Undefined when the policies keep the caller from changing the note. */
  async update(
    trx: Tx,
    id: string,
    patch: { title?: string; content?: string },
  ): Promise<string | undefined> {
    const row = await trx
      .updateTable('clinical_notes')
      .set(patch)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** False when the policies keep the caller from deleting the note. */
  async delete(trx: Tx, id: string): Promise<boolean> {
    const row = await trx
      .deleteFrom('clinical_notes')
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
}

/** Notes joined to their patient and session (both visible whenever the note is). */
function notesWithCodes(trx: Tx) {
  return trx
    .selectFrom('clinical_notes as n')
    .innerJoin('patients as p', 'p.id', 'n.patient_id')
    .leftJoin('therapy_sessions as s', 's.id', 'n.session_id');
}

/** Newest first (created_at desc, then id asc); keyset on both. */
async function pageOf(trx: Tx, query: ReturnType<typeof notesWithCodes>, page: PageRequest) {
  const rowsQuery =
    page.cursor === undefined
      ? query
      : query.where(afterTimeId('n.created_at', 'n.id', decodeTimeIdCursor(page.cursor), 'desc', 'asc'));
  const [rows, counted] = await Promise.all([
    rowsQuery
      .selectAll('n')
      .select(['p.patient_code', 's.session_code'])
      .select(utcText('n.created_at').as('cursor_at'))
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id')
      .limit(page.limit + 1)
      .offset(page.cursor === undefined ? page.offset : 0)
      .execute(),
    countRows(trx, query, page.count),
  ]);
  return { ...keysetSlice(rows, page.limit, (r) => [r.cursor_at, r.id]), ...counted };
}
