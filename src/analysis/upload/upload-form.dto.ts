import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PROFILE_NAMES } from '@app/emg';
import {
  toOptionalBoolean,
  toOptionalNumber,
  toOptionalString,
} from '../../shared/validation/form-values.js';
import { ClientSessionParamsDto } from '../dto/client-session-params.dto.js';
import { EchoedIdsDto } from '../dto/echoed-ids.dto.js';

/**
 * Points per signal entry by default: 1000 buckets of the raw entry's three arrays (data, display
 * RMS, processed envelope), each keeping its minimum and maximum: one bucket per pixel of a chart
 * 1000 px wide, which then draws the signal exactly as the full one. The largest GHOSTLY file
 * (175 s) answers with about 2.4 MB of JSON.
 */
export const DEFAULT_MAX_POINTS = 6000;
export const MAX_MAX_POINTS = 200_000;

/**
 * POST /upload text fields (the file is the `file` part): the original's parameters and the
 * fields its web client sends. Unknown fields are ignored on this route (the client sends its
 * whole settings store).
 */
export class UploadFormDto extends IntersectionType(ClientSessionParamsDto, EchoedIdsDto) {
  @ApiPropertyOptional({ description: 'Return emg_signals (default true)' })
  @IsOptional()
  @Transform(toOptionalBoolean)
  @IsBoolean()
  include_signals?: boolean;

  @ApiPropertyOptional({
    description: `Points per emg_signals entry (min/max per bucket; default ${DEFAULT_MAX_POINTS}); 0 = full resolution`,
    minimum: 0,
    maximum: MAX_MAX_POINTS,
  })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(0)
  @Max(MAX_MAX_POINTS)
  max_points?: number;

  @ApiPropertyOptional({
    enum: PROFILE_NAMES,
    description:
      'Processing profile (default ghostly-v1, the original’s numbers); seniam-v1: docs/methods.md',
  })
  @IsOptional()
  @Transform(toOptionalString)
  @IsIn(PROFILE_NAMES)
  profile?: string;

  @ApiPropertyOptional({ description: 'The file name to report (default: the uploaded part’s name)' })
  @IsOptional()
  @Transform(toOptionalString)
  @IsString()
  @MaxLength(255)
  filename?: string;
}
