import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';

export class ConfigDefaultsQueryDto {
  @ApiPropertyOptional({
    description: 'Defaults in force for this patient (code or id; needs a token)',
    example: 'P001',
  })
  @IsOptional()
  @IsString()
  @Matches(/^([Pp][0-9]{3,}|[0-9a-fA-F-]{36})$/)
  patient_id?: string;

  @ApiPropertyOptional({
    description: 'Defaults in force for this therapist (needs a token)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID('loose')
  therapist_id?: string;
}

/** GET /config/defaults: the original's four fields, plus where they come from. */
export class ConfigDefaultsDto {
  @ApiProperty({ example: 12 }) target_contractions_ch1!: number;
  @ApiProperty({ example: 12 }) target_contractions_ch2!: number;
  @ApiProperty({ example: 75, description: 'Percent of MVC' }) mvc_threshold_percentage!: number;
  @ApiProperty({ example: 2000 }) therapeutic_duration_threshold_ms!: number;
  @ApiProperty({ description: 'CH2 duration target when it differs from CH1, ms', example: 2000 })
  therapeutic_duration_threshold_ch2_ms!: number;
  @ApiProperty({ description: 'The scoring configuration these come from', format: 'uuid' })
  scoring_config_id!: string;
  @ApiProperty({ example: 'GHOSTLY-TRIAL-DEFAULT' }) scoring_config_name!: string;
}
