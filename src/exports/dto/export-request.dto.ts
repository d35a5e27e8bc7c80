import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  Matches,
} from 'class-validator';
import { EXPORT_TABLES, type ExportTable } from '../tables/export-columns.js';
import { PageQueryDto } from '../../shared/pagination/page.dto.js';
import {
  EXPORT_FORMATS,
  EXPORT_SCOPES,
  EXPORT_STATUSES,
  type ExportFormat,
  type ExportScope,
  type ExportStatus,
  SESSION_EXPORT_FORMATS,
} from './export-enums.js';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value);
/** Query strings carry booleans as text: only "true" and "false" are booleans, anything else fails validation. */
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The tables a CSV export may be limited to (table=): those of tables/export-columns.ts. */
export const CSV_TABLES = Object.keys(EXPORT_TABLES) as readonly ExportTable[];
export type CsvTableName = ExportTable;

export class ExportSessionParamDto {
  @ApiProperty({ example: 'P001S001' })
  @Transform(upper)
  @Matches(/^P[0-9]{3,}S[0-9]{3,}$/, { message: 'session_code must look like P001S001' })
  session_code!: string;
}

export class ExportPatientParamDto {
  @ApiProperty({ example: 'P001' })
  @Transform(upper)
  @Matches(/^P[0-9]{3,}$/, { message: 'patient_code must look like P001' })
  patient_code!: string;
}

class TabularQueryDto {
  @ApiPropertyOptional({
    enum: CSV_TABLES,
    description:
      'CSV only: answer this one table as text/csv. Without it the CSV export is a ZIP of sessions.csv, ' +
      'channels.csv, contractions.csv and README.txt (columns and units).',
  })
  @IsOptional()
  @IsIn(CSV_TABLES)
  table?: CsvTableName;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Replace patient codes by per-export pseudonyms and drop file names and personal game fields. ' +
      'Researchers always get pseudonymised exports (false is refused with 403); default false for others.',
  })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  pseudonymise?: boolean;
}

export class SessionExportQueryDto extends TabularQueryDto {
  @ApiPropertyOptional({ enum: SESSION_EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(SESSION_EXPORT_FORMATS)
  format?: (typeof SESSION_EXPORT_FORMATS)[number];
}

export class PatientExportQueryDto extends TabularQueryDto {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    default: 'json',
    description:
      'bids: a ZIP holding an EMG-BIDS 1.11 dataset (EDF+ recordings, sidecars, contraction events)',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

/** POST /exports: which sessions, in which format. */
export class CreateCohortExportDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  @ApiPropertyOptional({
    type: [String],
    example: ['P001', 'P002'],
    description: 'Only these patients (up to 1000)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Matches(/^[Pp][0-9]{3,}$/, { each: true, message: 'patient_codes must look like P001' })
  patient_codes?: string[];

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Sessions recorded at or after (session date, else upload time)',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Sessions recorded at or before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({
    enum: ['completed', 'failed', 'queued', 'processing'],
    default: 'completed',
    description: 'Processing status of the sessions (bids: completed only)',
  })
  @IsOptional()
  @IsIn(['completed', 'failed', 'queued', 'processing'])
  status?: 'completed' | 'failed' | 'queued' | 'processing';

  @ApiPropertyOptional({
    default: true,
    description:
      'Admins may ask for false (patient codes and file names kept); researchers always get pseudonyms.',
  })
  @IsOptional()
  @IsBoolean()
  pseudonymise?: boolean;
}

export class ExportIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsString()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'id must be a UUID',
  })
  id!: string;
}

/** GET /exports: the caller's exports, newest first, optionally of one scope, state or format. */
export class ListExportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_SCOPES }) @IsOptional() @IsIn(EXPORT_SCOPES) scope?: ExportScope;
  @ApiPropertyOptional({ enum: EXPORT_STATUSES }) @IsOptional() @IsIn(EXPORT_STATUSES) status?: ExportStatus;
  @ApiPropertyOptional({ enum: EXPORT_FORMATS }) @IsOptional() @IsIn(EXPORT_FORMATS) format?: ExportFormat;
}
