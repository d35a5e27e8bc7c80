import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DbContext } from '../infrastructure/database/db-context.js';
import { type Page, pageRequest, toKeysetPage } from '../shared/pagination/page.dto.js';
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
    const page = pageRequest(query);
    return this.db.asUser(user, async (trx) => {
      const patient = await this.notes.findPatient(trx, patientCode);
      if (!patient) throw notFound.patient(patientCode);
      const rows = await this.notes.listForPatient(trx, patient.id, query.note_type, page);
      return toKeysetPage(rows, toNoteDto, query);
    });
  }

  forSession(user: AuthUser, sessionCode: string, query: ListNotesQueryDto): Promise<Page<NoteDto>> {
    const page = pageRequest(query);
    return this.db.asUser(user, async (trx) => {
      const session = await this.notes.findSession(trx, sessionCode);
      if (!session) throw notFound.session(sessionCode);
      const rows = await this.notes.listForSession(
        trx,
        session,
        pathForms(session.file_path),
        query.note_type,
        page,
      );
      return toKeysetPage(rows, toNoteDto, query);
    });
  }
}
