import { ApiProperty } from '@nestjs/swagger';
import type { Selectable } from 'kysely';
import type { ClinicalNotesTable, ClinicalNoteType } from '../../infrastructure/database/database.types.js';
import { PageOf } from '../../shared/pagination/page.dto.js';

export const NOTE_TYPES = ['patient', 'session', 'file'] as const satisfies readonly ClinicalNoteType[];

export class NoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: NOTE_TYPES,
    description: 'patient: about the patient; session: about one session; file: about a stored C3D file',
  })
  note_type!: ClinicalNoteType;
  @ApiProperty({ example: 'Note Clinique' }) title!: string;
  @ApiProperty() content!: string;
  @ApiProperty({ format: 'uuid' }) author_id!: string;
  @ApiProperty({ example: 'P001' }) patient_code!: string;
  @ApiProperty({ example: 'P001S001', nullable: true, type: String }) session_code!: string | null;
  @ApiProperty({
    example: 'c3d-examples/P001/Ghostly_Emg_20230321_17-50-17-0881.c3d',
    nullable: true,
    type: String,
    description: 'Storage path of the file the note is about (file and session notes)',
  })
  file_path!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class NotePageDto extends PageOf(NoteDto) {}

export type NoteRow = Selectable<ClinicalNotesTable> & { patient_code: string; session_code: string | null };

export function toNoteDto(row: NoteRow): NoteDto {
  return {
    id: row.id,
    note_type: row.note_type,
    title: row.title,
    content: row.content,
    author_id: row.author_id,
    patient_code: row.patient_code,
    session_code: row.session_code,
    file_path: row.file_path,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
