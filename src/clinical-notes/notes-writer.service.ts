import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { refusedByRls } from '../shared/database/db-errors.js';
import { DbContext, type Tx } from '../infrastructure/database/db-context.js';
import { ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { ValidationFailedError } from '../shared/errors/app-error.js';
import { ClinicalNotesRepository } from './clinical-notes.repository.js';
import type { CreatePatientNoteDto, CreateSessionNoteDto, UpdateNoteDto } from './dto/note-request.dto.js';
import { type NoteDto, toNoteDto } from './dto/note.dto.js';
import { notAuthor, notFound } from './note-errors.js';
import { patientCodeOfPath, withBucket } from './note-file-path.js';

/**
 * Creates, edits and deletes notes as the caller, under RLS: a note is written in the caller's
 * name about a patient or session they may see; only its author (while the patient's therapist)
 * or an admin changes it. Each call is one transaction.
 */
@Injectable()
export class NotesWriterService {
  constructor(
    private readonly db: DbContext,
    private readonly notes: ClinicalNotesRepository,
    private readonly storage: ObjectStorage,
  ) {}

  /** A patient note, or a file note when file_path names one of the patient's stored files. */
  forPatient(user: AuthUser, patientCode: string, dto: CreatePatientNoteDto): Promise<NoteDto> {
    return this.db.asUser(user, async (trx) => {
      const patient = await this.notes.findPatient(trx, patientCode);
      if (!patient) throw notFound.patient(patientCode);
      if (dto.file_path !== undefined && patientCodeOfPath(dto.file_path) !== patient.patient_code) {
        throw new ValidationFailedError(
          `file_path must be a file of ${patient.patient_code} (<bucket>/${patient.patient_code}/<file>)`,
          undefined,
          'note_file_path_mismatch',
        );
      }
      return this.insert(trx, user, {
        patient_id: patient.id,
        ...(dto.file_path === undefined
          ? { note_type: 'patient' }
          : { note_type: 'file', file_path: withBucket(dto.file_path, this.storage.bucket) }),
        title: dto.title,
        content: dto.content,
      });
    });
  }

  forSession(user: AuthUser, sessionCode: string, dto: CreateSessionNoteDto): Promise<NoteDto> {
    return this.db.asUser(user, async (trx) => {
      const session = await this.notes.findSession(trx, sessionCode);
      if (!session) throw notFound.session(sessionCode);
      // patient_id and file_path come from the session (trigger)
      return this.insert(trx, user, {
        session_id: session.id,
        note_type: 'session',
        title: dto.title,
        content: dto.content,
      });
    });
  }

  update(user: AuthUser, id: string, dto: UpdateNoteDto): Promise<NoteDto> {
    return this.db.asUser(user, async (trx) => {
      const current = await this.notes.findById(trx, id);
      if (!current) throw notFound.note(id);
      const patch = { title: dto.title, content: dto.content };
      if (patch.title === undefined && patch.content === undefined) return toNoteDto(current);
      if (!(await this.notes.update(trx, id, patch))) throw notAuthor();
      return toNoteDto((await this.notes.findById(trx, id))!);
    });
  }

  delete(user: AuthUser, id: string): Promise<void> {
    return this.db.asUser(user, async (trx) => {
      if (!(await this.notes.findById(trx, id))) throw notFound.note(id);
      if (!(await this.notes.delete(trx, id))) throw notAuthor();
    });
  }

  private async insert(
    trx: Tx,
    user: AuthUser,
    values: Omit<Parameters<ClinicalNotesRepository['insert']>[1], 'author_id'>,
  ): Promise<NoteDto> {
    const id = await refusedByRls(
      () => this.notes.insert(trx, { ...values, author_id: user.id }),
      'note_write_forbidden',
      'You may not write notes about this patient',
    );
    return toNoteDto((await this.notes.findById(trx, id))!);
  }
}
