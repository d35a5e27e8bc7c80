import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdherenceResult } from '@app/scoring';

/** The original's adherence answer, counted from the patient's own completed sessions. */
export class AdherenceDto {
  @ApiProperty({ example: 'P001' }) patient_code!: string;
  @ApiProperty({ description: 'Day of the 14-day protocol, 1..14, from treatment_start_date' })
  protocol_day!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'completed / expected x 100, capped at 100; null before day 3',
  })
  adherence_score!: number | null;
  @ApiProperty({ description: 'Completed sessions dated within the protocol window' })
  completed_sessions!: number;
  @ApiProperty({ nullable: true, type: Number, description: '15/7 x protocol_day' }) expected_sessions!:
    number | null;
  @ApiProperty({ nullable: true, enum: ['Excellent', 'Good', 'Moderate', 'Poor'] }) category!: string | null;
  @ApiProperty({ nullable: true, type: String }) interpretation!: string | null;
  @ApiProperty({ example: 14 }) trial_duration!: number;
  @ApiProperty() total_sessions_planned!: number;
  @ApiProperty({ description: 'Start of the window the sessions are counted in (ISO 8601)' })
  window_start!: string;
  @ApiPropertyOptional() message?: string;
}

export function toAdherenceDto(
  patientCode: string,
  result: AdherenceResult,
  totalPlanned: number,
  windowStart: Date,
): AdherenceDto {
  return {
    patient_code: patientCode,
    ...result,
    total_sessions_planned: totalPlanned,
    window_start: windowStart.toISOString(),
  };
}
