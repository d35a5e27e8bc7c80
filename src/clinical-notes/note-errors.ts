import { ForbiddenError, NotFoundError } from '../shared/errors/app-error.js';

/** The notes domain's errors: what the caller cannot see is absent (404). */
export const notFound = {
  patient: (code: string) => new NotFoundError('patient_not_found', `Patient ${code} not found`),
  session: (code: string) =>
    new NotFoundError('session_not_found', `Session ${code.toUpperCase()} not found`),
  note: (id: string) => new NotFoundError('note_not_found', `Note ${id} not found`),
};

export const notAuthor = () =>
  new ForbiddenError('note_edit_forbidden', "Only the note's author or an admin may change or delete it");
