import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

export class TherapistPatientCodeParamDto {
  @ApiProperty({ example: 'P001' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(/^P[0-9]{3,}$/, { message: 'patient_code must look like P001' })
  patient_code!: string;
}

export class TherapistDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true }) first_name!: string | null;
  @ApiProperty({ nullable: true }) last_name!: string | null;
  @ApiProperty({ example: 'T001' }) user_code!: string;
  @ApiProperty({ example: 'therapist' }) role!: string;
  @ApiProperty({ example: 'Dr. Lovelace', description: '"Dr. {last_name}", else the user code' })
  display_name!: string;
}

export function toTherapistDto(row: {
  id: string;
  first_name: string | null;
  last_name: string | null;
  user_code: string;
  role: string;
}): TherapistDto {
  const display = row.last_name?.trim() ? `Dr. ${row.last_name.trim()}` : row.user_code;
  return { ...row, display_name: display };
}
