import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../shared/pagination/page.dto.js';
import { EXPORT_FORMATS, EXPORT_SCOPES, EXPORT_STATUSES } from './export-enums.js';

export class ExportCountsDto {
  @ApiPropertyOptional() sessions?: number;
  @ApiPropertyOptional() channels?: number;
  @ApiPropertyOptional() contractions?: number;
  @ApiPropertyOptional({ description: 'Files in the ZIP' }) files?: number;
}

/** A recorded export (export_history) as its requester sees it. */
export class ExportJobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXPORT_SCOPES }) scope!: string;
  @ApiProperty({ enum: EXPORT_FORMATS }) format!: string;
  @ApiProperty({ enum: EXPORT_STATUSES }) status!: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent done; 100 only once the download exists' })
  progress!: number;
  @ApiProperty() pseudonymised!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Filters and options as requested',
  })
  filters!: Record<string, unknown>;
  @ApiProperty({ type: Number, nullable: true, description: 'Sessions matching the filters when requested' })
  sessions_total!: number | null;
  @ApiProperty({ description: 'Sessions written so far' }) sessions_exported!: number;
  @ApiProperty({ type: ExportCountsDto }) counts!: ExportCountsDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Size of the download in bytes' })
  bytes!: number | null;
  @ApiProperty({ type: String, nullable: true }) file_name!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'GET this path for the ZIP; null until the export is completed (never for a failed one)',
  })
  download_url!: string | null;
  @ApiProperty({ type: String, nullable: true }) error_code!: string | null;
  @ApiProperty({ type: String, nullable: true }) error_message!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completed_at!: string | null;
}

export class ExportJobPageDto extends PageOf(ExportJobDto) {}
