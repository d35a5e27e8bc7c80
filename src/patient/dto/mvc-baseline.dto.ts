import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PROFILE_NAMES } from '@app/emg';
import { toOptionalNumber, toOptionalString } from '../../shared/validation/form-values.js';
import type { MvcBaselineRow } from '../mvc-baseline.types.js';

export const MVC_WINDOW_MIN_MS = 500;
export const MVC_WINDOW_MAX_MS = 1000;
export const MVC_WINDOW_DEFAULT_MS = 500;

/**
 * POST /patients/{patient_code}/mvc: either multipart/form-data with `file` (a dedicated MVC
 * trial, C3D) or JSON with `session_code` (a stored session of the patient); `window_ms` in both.
 */
export class MvcBaselineRequestDto {
  @ApiPropertyOptional({
    description: 'A stored session of this patient to calibrate from (instead of a file)',
    example: 'P001S003',
  })
  @IsOptional()
  @Transform(toOptionalString)
  @IsString()
  @Matches(/^P[0-9]{3,}S[0-9]{3,}$/)
  session_code?: string;

  @ApiPropertyOptional({
    description: 'Length of the best envelope window whose mean is the MVC, ms',
    minimum: MVC_WINDOW_MIN_MS,
    maximum: MVC_WINDOW_MAX_MS,
    default: MVC_WINDOW_DEFAULT_MS,
  })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(MVC_WINDOW_MIN_MS)
  @Max(MVC_WINDOW_MAX_MS)
  window_ms?: number;
}

export class MvcWindowDto {
  @ApiProperty({ description: 'MVC: mean envelope over the window, V' }) value!: number;
  @ApiProperty() window_start_s!: number;
  @ApiProperty() window_end_s!: number;
}

export class MvcBaselineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'P001' }) patient_code!: string;
  @ApiProperty({
    description: 'profile -> channel -> MVC (V); later sessions of the profile use these',
    example: { 'ghostly-v1': { CH1: 0.00021, CH2: 0.00018 }, 'seniam-v1': { CH1: 0.00019, CH2: 0.00016 } },
  })
  mvc_values!: Record<string, Record<string, number>>;
  @ApiProperty({ description: 'profile -> channel -> the window each value came from' })
  windows!: Record<string, Record<string, MvcWindowDto>>;
  @ApiProperty({ enum: ['best_window_mean'] }) method!: 'best_window_mean';
  @ApiProperty() window_ms!: number;
  @ApiProperty({ enum: ['file', 'session'] }) source!: 'file' | 'session';
  @ApiProperty({ nullable: true, type: String }) source_file_name!: string | null;
  @ApiProperty({ nullable: true, type: String }) source_file_hash!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'P001S003' }) source_session_code!: string | null;
  @ApiProperty({ format: 'uuid', description: 'Who calibrated' }) created_by!: string;
  @ApiProperty() created_at!: string;
}

export class MvcBaselineHistoryDto {
  @ApiProperty({ example: 'P001' }) patient_code!: string;
  @ApiProperty({ type: MvcBaselineDto, nullable: true, description: 'The baseline later sessions use' })
  current!: MvcBaselineDto | null;
  @ApiProperty({ type: [MvcBaselineDto], description: 'Newest first' }) history!: MvcBaselineDto[];
}

export class PutDefaultProfileDto {
  @ApiProperty({
    enum: PROFILE_NAMES,
    nullable: true,
    description: 'null = the service default (ghostly-v1)',
  })
  @IsOptional()
  @IsIn([...PROFILE_NAMES, null])
  default_profile!: string | null;
}

export class DefaultProfileDto {
  @ApiProperty({ example: 'P001' }) patient_code!: string;
  @ApiProperty({ enum: PROFILE_NAMES, nullable: true, type: String }) default_profile!: string | null;
  @ApiProperty({ enum: PROFILE_NAMES, description: 'What a session without a profile of its own uses' })
  effective_profile!: string;
}

export function toMvcBaselineDto(
  row: MvcBaselineRow,
  patientCode: string,
  sessionCode: string | null,
): MvcBaselineDto {
  return {
    id: row.id,
    patient_code: patientCode,
    mvc_values: row.mvc_values,
    windows: row.windows,
    method: row.method,
    window_ms: row.window_ms,
    source: row.source,
    source_file_name: row.source_file_name,
    source_file_hash: row.source_file_hash,
    source_session_code: sessionCode,
    created_by: row.created_by,
    created_at: new Date(row.created_at).toISOString(),
  };
}
