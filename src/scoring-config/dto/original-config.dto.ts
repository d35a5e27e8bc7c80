/**
 * Request and response shapes of the original API's /scoring/configurations routes: the seven
 * weights at top level, scope taken from therapist_id / patient_id. A field sent as JSON null
 * counts as not given.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { pickWeights } from '../scoring-config.values.js';
import type { ScoringConfigRow } from './scoring-config.dto.js';
import { WeightField } from './weight-field.decorator.js';
import { WeightsDto } from './weights.dto.js';

const nullIsAbsent = ({ value }: { value: unknown }) => (value === null ? undefined : value);
const trimmed = ({ value }: { value: unknown }) =>
  value === null ? undefined : typeof value === 'string' ? value.trim() : value;

/** A patient's UUID or its code (P001); the original client's value is passed through as is. */
export const PATIENT_REF = /^(P[0-9]{3,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The original's ScoringConfigurationRequest (POST /, POST /custom, PUT /default). */
export class OriginalScoringConfigBodyDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Custom - 5b1c...' })
  @IsString()
  @Length(1, 100)
  configuration_name!: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @Transform(nullIsAbsent)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @WeightField('weight_compliance', { nullIsAbsent: true })
  weight_compliance?: number;

  @WeightField('weight_symmetry', { nullIsAbsent: true })
  weight_symmetry?: number;

  @WeightField('weight_effort', { nullIsAbsent: true })
  weight_effort?: number;

  @WeightField('weight_game', { nullIsAbsent: true })
  weight_game?: number;

  @WeightField('weight_completion', { nullIsAbsent: true })
  weight_completion?: number;

  @WeightField('weight_intensity', { nullIsAbsent: true })
  weight_intensity?: number;

  @WeightField('weight_duration', { nullIsAbsent: true })
  weight_duration?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The therapist the configuration belongs to; with patient_id, that patient’s therapist',
  })
  @Transform(nullIsAbsent)
  @IsOptional()
  @IsUUID('loose')
  therapist_id?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The patient the configuration is for: its UUID or its code (P001)',
  })
  @Transform(trimmed)
  @IsOptional()
  @IsString()
  @Matches(PATIENT_REF, { message: 'patient_id must be a patient UUID or a code like P001' })
  patient_id?: string;
}

export class CustomConfigQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required (400 when missing, as the original)' })
  @IsOptional()
  @IsUUID('loose')
  therapist_id?: string;

  @ApiPropertyOptional({ description: 'The patient’s UUID or code' })
  @Transform(trimmed)
  @IsOptional()
  @IsString()
  @Matches(PATIENT_REF, { message: 'patient_id must be a patient UUID or a code like P001' })
  patient_id?: string;
}

/** The original's ScoringConfigurationResponse. */
export class OriginalScoringConfigDto extends WeightsDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() configuration_name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) therapist_id!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) patient_id!: string | null;
}

export class ConfigActivatedDto {
  @ApiProperty({ example: 'Configuration activated successfully' }) message!: string;
  @ApiProperty({ format: 'uuid' }) config_id!: string;
}

export class ConfigDeletedDto {
  @ApiProperty({ example: 'Configuration deleted successfully' }) message!: string;
}

export function toOriginalConfigDto(row: Omit<ScoringConfigRow, 'patient_code'>): OriginalScoringConfigDto {
  return {
    id: row.id,
    configuration_name: row.configuration_name,
    description: row.description,
    ...pickWeights(row),
    active: row.active,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    therapist_id: row.therapist_id,
    patient_id: row.patient_id,
  };
}
