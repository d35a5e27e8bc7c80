import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { toOptionalString } from '../../shared/validation/form-values.js';

/** Identifiers the original client sends with a stateless call and reads back unchanged. */
export class EchoedIdsDto {
  @ApiPropertyOptional({ description: 'Echoed back' })
  @IsOptional()
  @Transform(toOptionalString)
  @IsString()
  @MaxLength(200)
  user_id?: string;

  @ApiPropertyOptional({ description: 'Echoed back' })
  @IsOptional()
  @Transform(toOptionalString)
  @IsString()
  @MaxLength(200)
  patient_id?: string;

  @ApiPropertyOptional({ description: 'Echoed back' })
  @IsOptional()
  @Transform(toOptionalString)
  @IsString()
  @MaxLength(200)
  session_id?: string;
}
