import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WeightsDto } from '../../scoring-config/dto/weights.dto.js';

// The original's performance_analysis: the scores, their components and the weights used.

export class SessionConfigurationDto {
  @ApiProperty() session_mvc_threshold_percentage!: number;
  @ApiProperty() session_mvc_threshold_decimal!: number;
  @ApiProperty({ description: 'ms' }) contraction_duration_threshold!: number;
  @ApiProperty() contraction_duration_threshold_seconds!: number;
  @ApiPropertyOptional() session_mvc_value?: number;
  @ApiPropertyOptional() session_expected_contractions?: number;
  @ApiPropertyOptional() session_expected_contractions_ch1?: number;
  @ApiPropertyOptional() session_expected_contractions_ch2?: number;
}

export class DataCompletenessDto {
  @ApiProperty() has_emg_data!: boolean;
  @ApiProperty() has_rpe!: boolean;
  @ApiProperty() has_game_data!: boolean;
  @ApiProperty() has_bfr_data!: boolean;
  @ApiProperty({ enum: ['provided', 'default'] }) rpe_source!: string;
}

export class PerformanceAnalysisDto {
  @ApiProperty() scoring_config_id!: string;
  @ApiProperty() scoring_config_name!: string;
  @ApiProperty({ description: 'Percent 0-100' }) overall_score!: number;
  @ApiProperty({ description: 'Percent 0-100' }) compliance_score!: number;
  @ApiProperty({ description: 'Percent 0-100' }) symmetry_score!: number;
  @ApiProperty({ description: 'Percent 0-100' }) effort_score!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Percent 0-100' }) game_score!: number | null;
  @ApiProperty({ description: 'Percent 0-100 (CH1)' }) left_muscle_compliance!: number;
  @ApiProperty({ description: 'Percent 0-100 (CH2)' }) right_muscle_compliance!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) completion_rate_left!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) completion_rate_right!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) intensity_rate_left!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) intensity_rate_right!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) duration_rate_left!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) duration_rate_right!: number;
  @ApiProperty() expected_contractions_left!: number;
  @ApiProperty() expected_contractions_right!: number;
  @ApiProperty() bfr_compliant!: boolean;
  @ApiProperty({ nullable: true, type: Number }) bfr_pressure_aop!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rpe_post_session!: number | null;
  @ApiProperty() rpe_value!: number;
  @ApiProperty({ enum: ['provided', 'default'] }) rpe_source!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  compliance_components!: Record<string, number>;
  @ApiProperty() weights!: WeightsDto;
  @ApiProperty() data_completeness!: DataCompletenessDto;
  @ApiProperty() scoring_configuration!: WeightsDto;
  @ApiProperty() session_configuration!: SessionConfigurationDto;
}
