import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsPositive, Max, Min } from 'class-validator';
import { pick } from '../../shared/objects/pick.js';
import { TREATMENT_TARGET_FIELDS, type PatientRow } from './patient.dto.js';

/** Longest contraction target a therapist may set: one minute. */
export const MAX_TARGET_MS = 60_000;
/** Where a cleared BFR target goes back to (the column's default). */
export const DEFAULT_BFR_TARGET = 50;

/**
 * The patient's treatment targets, as the original client's PatientProfile sends them: every field,
 * null for an empty input, durations in ms (seconds x 1000). An absent field stays as it is; null
 * clears it (a BFR target goes back to 50 %).
 */
export class PutTreatmentTargetsDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'MVC 75 % threshold, channel 1 (> 0)' })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  current_mvc75_ch1?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'MVC 75 % threshold, channel 2 (> 0)' })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  current_mvc75_ch2?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, maximum: MAX_TARGET_MS, example: 2000 })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  @Max(MAX_TARGET_MS)
  current_target_ch1_ms?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, maximum: MAX_TARGET_MS, example: 2000 })
  @IsOptional()
  @IsNumber()
  @IsPositive()
  @Max(MAX_TARGET_MS)
  current_target_ch2_ms?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, maximum: 100, example: 50 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  bfr_target_lop_percentage_ch1?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, maximum: 100, example: 50 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  bfr_target_lop_percentage_ch2?: number | null;
}

export class TreatmentTargetsDto {
  @ApiProperty({ example: 'P001' }) patient_code!: string;
  @ApiProperty({ nullable: true, type: Number }) current_mvc75_ch1!: number | null;
  @ApiProperty({ nullable: true, type: Number }) current_mvc75_ch2!: number | null;
  @ApiProperty({ nullable: true, type: Number }) current_target_ch1_ms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) current_target_ch2_ms!: number | null;
  @ApiProperty() bfr_target_lop_percentage_ch1!: number;
  @ApiProperty() bfr_target_lop_percentage_ch2!: number;
  @ApiProperty() updated_at!: string;
}

export function toTreatmentTargetsDto(row: PatientRow): TreatmentTargetsDto {
  return {
    patient_code: row.patient_code,
    ...pick(row, TREATMENT_TARGET_FIELDS),
    updated_at: row.updated_at.toISOString(),
  };
}
