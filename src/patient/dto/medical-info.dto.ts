import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  Allow,
  IsDateString,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';
import type { Selectable } from 'kysely';
import type { PatientMedicalInfoTable } from '../../infrastructure/database/database.types.js';

/** The original client sends '' for an optional field left empty: that is no value. */
const emptyIsNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

/**
 * The whole PII record; PUT replaces it (creating it on first use). Accepts the original client's
 * body as PatientProfile sends it, including the BMI it computed (ignored: the database derives it).
 */
export class PutMedicalInfoDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) first_name!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) last_name!: string;
  @ApiProperty({ example: '1948-03-14' }) @IsDateString() date_of_birth!: string;
  @ApiProperty({ example: 'F' }) @IsString() @MinLength(1) @MaxLength(20) gender!: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(emptyIsNull)
  @IsOptional()
  @IsString()
  @MaxLength(50)
  room_number?: string | null;
  @ApiPropertyOptional({ example: '2026-11-01', nullable: true, type: String })
  @Transform(emptyIsNull)
  @IsOptional()
  @IsDateString()
  admission_date?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(emptyIsNull)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  primary_diagnosis?: string | null;
  @ApiPropertyOptional({ default: 'bed_rest' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  mobility_status?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @IsPositive() @Max(300) height_cm?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @IsPositive() @Max(500) weight_kg?: number;
  @ApiPropertyOptional({ default: 'alert' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  cognitive_status?: string;
  @ApiPropertyOptional({ default: 'active' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  patient_status?: string;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Ignored: derived from height and weight',
  })
  @Allow()
  bmi_value?: unknown;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Ignored: derived from height and weight',
  })
  @Allow()
  bmi_status?: unknown;
}

export class MedicalInfoDto {
  @ApiProperty({ example: 'P001' }) patient_code!: string;
  @ApiProperty() first_name!: string;
  @ApiProperty() last_name!: string;
  @ApiProperty() date_of_birth!: string;
  @ApiProperty() gender!: string;
  @ApiProperty({ nullable: true, type: String }) room_number!: string | null;
  @ApiProperty({ nullable: true, type: String }) admission_date!: string | null;
  @ApiProperty({ nullable: true, type: String }) primary_diagnosis!: string | null;
  @ApiProperty() mobility_status!: string;
  @ApiProperty({ nullable: true, type: Number }) height_cm!: number | null;
  @ApiProperty({ nullable: true, type: Number }) weight_kg!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Computed from height and weight' }) bmi_value!:
    number | null;
  @ApiProperty({ nullable: true, enum: ['underweight', 'normal', 'overweight', 'obese'] }) bmi_status!:
    string | null;
  @ApiProperty() cognitive_status!: string;
  @ApiProperty() patient_status!: string;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export type MedicalInfoRow = Selectable<PatientMedicalInfoTable>;

const num = (v: number | string | null) => (v === null ? null : Number(v));
const day = (v: Date | string | null) =>
  v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v;

export function toMedicalInfoDto(patientCode: string, row: MedicalInfoRow): MedicalInfoDto {
  return {
    patient_code: patientCode,
    first_name: row.first_name,
    last_name: row.last_name,
    date_of_birth: day(row.date_of_birth)!,
    gender: row.gender,
    room_number: row.room_number,
    admission_date: day(row.admission_date),
    primary_diagnosis: row.primary_diagnosis,
    mobility_status: row.mobility_status,
    height_cm: num(row.height_cm),
    weight_kg: num(row.weight_kg),
    bmi_value: num(row.bmi_value),
    bmi_status: row.bmi_status,
    cognitive_status: row.cognitive_status,
    patient_status: row.patient_status,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
