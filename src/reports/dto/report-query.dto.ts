import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ReportFormat } from '../report-format.js';

export class ReportQueryDto {
  @ApiPropertyOptional({
    enum: ['html', 'pdf'],
    description: 'Overrides the Accept header: html (default) or pdf',
  })
  @IsOptional()
  @IsIn(['html', 'pdf'])
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: ['a4', 'letter'], default: 'a4', description: 'Paper size of a PDF' })
  @IsOptional()
  @IsIn(['a4', 'letter'])
  paper?: 'a4' | 'letter';
}

/** A rendered report: the bytes and their media type. */
export interface RenderedReport {
  contentType: string;
  body: string | Uint8Array;
  filename: string;
}
