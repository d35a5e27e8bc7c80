import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { Selectable } from 'kysely';
import type { PatientsTable } from '../../infrastructure/database/database.types.js';
import { PageOf, PageQueryDto } from '../../shared/pagination/page.dto.js';
import { pick } from '../../shared/objects/pick.js';
import { IsTextMap, MUSCLE_MAP_SCHEMA } from '../../shared/validation/maps.js';

export const AGE_GROUPS = ['18-30', '31-50', '51-70', '71+'] as const;
export const GENDERS = ['M', 'F', 'NB', 'NS'] as const;

const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class PatientCodeParamDto {
  @ApiProperty({ example: 'P001' })
  @Transform(upper)
  @Matches(/^P[0-9]{3,}$/, { message: 'patient_code must look like P001' })
  patient_code!: string;
}

/** Fields a therapist or admin may set on a patient. */
class PatientFieldsDto {
  @ApiPropertyOptional({ enum: AGE_GROUPS })
  @IsOptional()
  @IsIn(AGE_GROUPS)
  age_group?: (typeof AGE_GROUPS)[number];
  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS) gender?: (typeof GENDERS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) pathology_category?: string;
  @ApiPropertyOptional({ description: 'Start of the 14-day protocol (adherence); defaults to now' })
  @IsOptional()
  @IsDateString()
  treatment_start_date?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  total_sessions_planned?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @IsPositive() current_mvc75_ch1?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @IsPositive() current_mvc75_ch2?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @IsPositive() current_target_ch1_ms?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @IsPositive() current_target_ch2_ms?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  bfr_target_lop_percentage_ch1?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  bfr_target_lop_percentage_ch2?: number;
  @ApiPropertyOptional({
    ...MUSCLE_MAP_SCHEMA,
    nullable: true,
    description:
      'Channel -> muscle for the sessions uploaded without a mapping of their own (webhook uploads ' +
      'included): each keeps a copy as it is at its upload. A null or blank muscle is not given; null clears it.',
  })
  @IsOptional()
  @IsTextMap(200)
  channel_muscle_mapping?: Record<string, string | null> | null;
}

export class CreatePatientDto extends PatientFieldsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required for admins; therapists may omit it (themself)',
  })
  @IsOptional()
  @IsUUID()
  therapist_id?: string;
}

export class UpdatePatientDto extends PatientFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Reassign to another therapist (admins only)' })
  @IsOptional()
  @IsUUID()
  therapist_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Scoring configuration for this patient',
  })
  @IsOptional()
  // 'loose': the trial default's fixed id (a0000000-...-000000000001) has no RFC version digit
  @IsUUID('loose')
  current_scoring_config_id?: string | null;
}

export class ListPatientsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() therapist_id?: string;
}

export class PatientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'P001' }) patient_code!: string;
  @ApiProperty({ format: 'uuid' }) therapist_id!: string;
  @ApiProperty({ enum: AGE_GROUPS, nullable: true }) age_group!: string | null;
  @ApiProperty({ enum: GENDERS, nullable: true }) gender!: string | null;
  @ApiProperty({ nullable: true, type: String }) pathology_category!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() treatment_start_date!: string;
  @ApiProperty() total_sessions_planned!: number;
  @ApiProperty({ nullable: true, type: Number }) current_mvc75_ch1!: number | null;
  @ApiProperty({ nullable: true, type: Number }) current_mvc75_ch2!: number | null;
  @ApiProperty({ nullable: true, type: Number }) current_target_ch1_ms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) current_target_ch2_ms!: number | null;
  @ApiProperty() bfr_target_lop_percentage_ch1!: number;
  @ApiProperty() bfr_target_lop_percentage_ch2!: number;
  @ApiProperty({ nullable: true, type: String }) last_assessment_date!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) current_scoring_config_id!: string | null;
  @ApiProperty({ ...MUSCLE_MAP_SCHEMA, nullable: true, description: 'Channel -> muscle; null when not set' })
  channel_muscle_mapping!: Record<string, string> | null;
  @ApiProperty({ description: 'Sessions allocated so far' }) session_count!: number;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class PatientPageDto extends PageOf(PatientDto) {}

/** A patient's treatment targets: the MVC thresholds, duration targets and BFR pressures. */
export const TREATMENT_TARGET_FIELDS = [
  'current_mvc75_ch1',
  'current_mvc75_ch2',
  'current_target_ch1_ms',
  'current_target_ch2_ms',
  'bfr_target_lop_percentage_ch1',
  'bfr_target_lop_percentage_ch2',
] as const satisfies readonly (keyof PatientDto & keyof PatientRow)[];

export type PatientRow = Selectable<PatientsTable>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPatientDto(row: PatientRow): PatientDto {
  return {
    id: row.id,
    patient_code: row.patient_code,
    therapist_id: row.therapist_id,
    age_group: row.age_group,
    gender: row.gender,
    pathology_category: row.pathology_category,
    active: row.active,
    treatment_start_date: row.treatment_start_date.toISOString(),
    total_sessions_planned: row.total_sessions_planned,
    ...pick(row, TREATMENT_TARGET_FIELDS),
    last_assessment_date: iso(row.last_assessment_date),
    current_scoring_config_id: row.current_scoring_config_id,
    channel_muscle_mapping: row.channel_muscle_mapping,
    session_count: row.session_counter,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
