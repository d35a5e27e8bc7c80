import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../shared/pagination/page.dto.js';
import { DEFAULT_RPE_SCORES, DEFAULT_TARGETS } from '../scoring-config.defaults.js';
import { IsRpeMapping } from './rpe-mapping.validator.js';
import { WeightField } from './weight-field.decorator.js';

export const SCORING_SCOPES = ['global', 'therapist', 'patient'] as const;
export type ScoringScope = (typeof SCORING_SCOPES)[number];

const PATIENT_CODE = /^P[0-9]{3,}$/;
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ScoringConfigIdParamDto {
  @ApiProperty({ format: 'uuid', example: 'a0000000-0000-0000-0000-000000000001' })
  // 'loose': the trial default's fixed id has no RFC version nibble.
  @IsUUID('loose')
  id!: string;
}

export class ListScoringConfigsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'P001', description: 'Only configurations scoped to this patient' })
  @IsOptional()
  @Transform(upper)
  @Matches(PATIENT_CODE, { message: 'patient_code must look like P001' })
  patient_code?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  active?: boolean;
}

/** Clinical targets; every key left out takes the trial default's value. */
export class TargetDefaultsDto {
  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 100,
    default: DEFAULT_TARGETS.mvc_threshold_percentage,
  })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  @Max(100)
  mvc_threshold_percentage?: number;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    default: DEFAULT_TARGETS.target_duration_ch1_ms,
  })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  target_duration_ch1_ms?: number;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    default: DEFAULT_TARGETS.target_duration_ch2_ms,
  })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  target_duration_ch2_ms?: number;

  @ApiPropertyOptional({ minimum: 1, default: DEFAULT_TARGETS.target_contractions_ch1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  target_contractions_ch1?: number;

  @ApiPropertyOptional({ minimum: 1, default: DEFAULT_TARGETS.target_contractions_ch2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  target_contractions_ch2?: number;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 100,
    default: DEFAULT_TARGETS.bfr_target_lop_percentage_ch1,
  })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  @Max(100)
  bfr_target_lop_percentage_ch1?: number;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 100,
    default: DEFAULT_TARGETS.bfr_target_lop_percentage_ch2,
  })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  @Max(100)
  bfr_target_lop_percentage_ch2?: number;
}

export class CreateScoringConfigDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Low-load protocol' })
  @IsString()
  @Length(1, 100)
  configuration_name!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({
    enum: SCORING_SCOPES,
    description:
      'global: every session without a narrower configuration (admins only); therapist: the sessions of ' +
      "one therapist's patients; patient: one patient's sessions",
  })
  @IsIn(SCORING_SCOPES)
  scope!: ScoringScope;

  @ApiPropertyOptional({
    example: 'P001',
    description: "Required for scope patient (the configuration's therapist is the patient's)",
  })
  @ValidateIf((o: CreateScoringConfigDto) => o.scope === 'patient' || o.patient_code !== undefined)
  @Transform(upper)
  @IsString()
  @Matches(PATIENT_CODE, { message: 'patient_code must look like P001' })
  patient_code?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Scope therapist: the therapist; defaults to the caller for therapists, required for admins',
  })
  @IsOptional()
  @IsUUID()
  therapist_id?: string;

  @WeightField('weight_compliance')
  weight_compliance?: number;
  @WeightField('weight_symmetry')
  weight_symmetry?: number;
  @WeightField('weight_effort')
  weight_effort?: number;
  @WeightField('weight_game')
  weight_game?: number;
  @WeightField('weight_completion')
  weight_completion?: number;
  @WeightField('weight_intensity')
  weight_intensity?: number;
  @WeightField('weight_duration')
  weight_duration?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: 100 },
    description:
      'Borg CR-10 RPE ("0".."10") -> effort score (0..100); RPEs left out keep the trial default score',
    example: DEFAULT_RPE_SCORES,
  })
  @IsOptional()
  @IsRpeMapping()
  rpe_mapping?: Record<string, number>;

  @ApiPropertyOptional({ type: TargetDefaultsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TargetDefaultsDto)
  target_defaults?: TargetDefaultsDto;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

/** Only what does not change the meaning of sessions already scored with the configuration. */
export class UpdateScoringConfigDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @ValidateIf((_o: unknown, value: unknown) => value !== undefined)
  @IsString()
  @Length(1, 100)
  configuration_name?: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional()
  @ValidateIf((_o: unknown, value: unknown) => value !== undefined)
  @IsBoolean()
  active?: boolean;
}
