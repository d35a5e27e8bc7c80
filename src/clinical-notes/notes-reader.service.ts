import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { type Page, toPage } from '../shared/pagination/page.dto.js';
import { ClinicalNotesRepository } from './clinical-notes.repository.js';
import type { ListNotesQueryDto } from './dto/note-request.dto.js';
import { type NoteDto, toNoteDto } from './dto/note.dto.js';
import { notFound } from './note-errors.js';
import { pathForms } from './note-file-path.js';

/** Lists notes as the caller may see them: a patient or session RLS hides is a 404. */
@Injectable()
export class NotesReaderService {
  constructor(
    private readonly db: DbContext,
    private readonly notes: ClinicalNotesRepository,
  ) {}

  forPatient(user: AuthUser, patientCode: string, query: ListNotesQueryDto): Promise<Page<NoteDto>> {
    return this.db.asUser(user, async (trx) => {
      const patient = await this.notes.findPatient(trx, patientCode);
      if (!patient) throw notFound.patient(patientCode);
      const { rows, total } = await this.notes.listForPatient(trx, patient.id, query.note_type, query);
      return toPage(rows.map(toNoteDto), total, query);
    });
  }

  forSession(user: AuthUser, sessionCode: string, query: ListNotesQueryDto): Promise<Page<NoteDto>> {
    return this.db.asUser(user, async (trx) => {
      const session = await this.notes.findSession(trx, sessionCode);
      if (!session) throw notFound.session(sessionCode);
      const { rows, total } = await this.notes.listForSession(
        trx,
        session,
        pathForms(session.file_path),
        query.note_type,
        query,
      );
      return toPage(rows.map(toNoteDto), total, query);
    });
  }
}
