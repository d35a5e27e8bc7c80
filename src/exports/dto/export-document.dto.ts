import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExportChannelRowDto } from './export-channel-row.dto.js';
import { EXPORT_FORMATS, EXPORT_SCOPES } from './export-enums.js';
import { ExportContractionRowDto } from './export-contraction-row.dto.js';
import { ExportSessionRowDto } from './export-session-row.dto.js';

/** A session in the JSON export: its row, the game metadata, and its channel and contraction rows. */
export class ExportSessionDocumentDto extends ExportSessionRowDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Game metadata read from the file (no player_name or therapist_id when pseudonymised)',
  })
  game_metadata!: Record<string, unknown>;
  @ApiProperty({ type: [ExportChannelRowDto] }) channels!: ExportChannelRowDto[];
  @ApiProperty({ type: [ExportContractionRowDto] }) contractions!: ExportContractionRowDto[];
}

/** What, for whom and when: the header of every JSON export. */
export class ExportMetaDto {
  @ApiProperty({ format: 'uuid', description: 'export_history id of this export' }) id!: string;
  @ApiProperty({ enum: EXPORT_FORMATS }) format!: string;
  @ApiProperty({ enum: EXPORT_SCOPES }) scope!: string;
  @ApiProperty() pseudonymised!: boolean;
  @ApiProperty({ format: 'date-time' }) generated_at!: string;
  @ApiProperty() service_version!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Unit of every column, per table (null: counts, flags, text)',
  })
  units?: Record<string, Record<string, string | null>>;
}

/** GET .../export?format=json: the export's metadata and its sessions. */
export class ExportDocumentDto {
  @ApiProperty({ type: ExportMetaDto }) export!: ExportMetaDto;
  @ApiProperty({ type: [ExportSessionDocumentDto] }) sessions!: ExportSessionDocumentDto[];
}
