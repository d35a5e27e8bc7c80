import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { AdherenceDto } from './adherence.dto.js';

export class OriginalAdherenceQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    description: "Completed sessions as the client counted them; default: the patient's completed sessions",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  sessions_completed?: number;
}

/** The original's adherence answer: patient_id is the patient code there. */
export class OriginalAdherenceDto {
  @ApiProperty({ example: 'P001', description: 'The patient code' }) patient_id!: string;
  @ApiProperty({ description: 'Day of the 14-day protocol, 1..14' }) protocol_day!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null before day 3' }) adherence_score!:
    number | null;
  @ApiProperty() completed_sessions!: number;
  @ApiProperty({ nullable: true, type: Number, description: '15/7 x protocol_day' }) expected_sessions!:
    number | null;
  @ApiProperty({ nullable: true, enum: ['Excellent', 'Good', 'Moderate', 'Poor'] }) category!: string | null;
  @ApiProperty({ nullable: true, type: String }) interpretation!: string | null;
  @ApiProperty({ example: 14 }) trial_duration!: number;
  @ApiProperty({ example: 30 }) total_sessions_planned!: number;
  @ApiPropertyOptional({ example: 'Minimum 3 days required for adherence calculation' }) message?: string;
}

export function toOriginalAdherenceDto(a: AdherenceDto): OriginalAdherenceDto {
  return {
    patient_id: a.patient_code,
    protocol_day: a.protocol_day,
    adherence_score: a.adherence_score,
    completed_sessions: a.completed_sessions,
    expected_sessions: a.expected_sessions,
    category: a.category,
    interpretation: a.interpretation,
    trial_duration: a.trial_duration,
    total_sessions_planned: a.total_sessions_planned,
    ...(a.message !== undefined ? { message: a.message } : {}),
  };
}
