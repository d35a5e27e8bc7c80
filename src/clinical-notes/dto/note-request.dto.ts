import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { ClinicalNoteType } from '../../infrastructure/database/database.types.js';
import { PageQueryDto } from '../../shared/pagination/page.dto.js';
import { NOTE_TYPES } from './note.dto.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Title and content as the database checks them: content 1-10 000 characters once trimmed. */
class NoteTextDto {
  @ApiPropertyOptional({ maxLength: 255, default: 'Note Clinique' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  title?: string;
}

/** A new note's title and (required) content. */
class NewNoteTextDto extends NoteTextDto {
  @ApiProperty({ minLength: 1, maxLength: 10_000 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  content!: string;
}

export class CreatePatientNoteDto extends NewNoteTextDto {
  @ApiPropertyOptional({
    example: 'c3d-examples/P001/Ghostly_Emg_20230321_17-50-17-0881.c3d',
    description:
      "Makes it a note about this stored file of the patient: '<bucket>/P001/<file>' or the object key " +
      "'P001/<file>' (stored with the bucket)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  @Matches(/^([^/]+\/)?P[0-9]{3,}\/[^/].*$/, { message: 'file_path must look like <bucket>/P001/<file>' })
  file_path?: string;
}

export class CreateSessionNoteDto extends NewNoteTextDto {}

export class UpdateNoteDto extends NoteTextDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 10_000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  content?: string;
}

export class ListNotesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTE_TYPES })
  @IsOptional()
  @IsIn(NOTE_TYPES)
  note_type?: ClinicalNoteType;
}

export class NoteIdParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}
