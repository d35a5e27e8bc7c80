import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { EchoedIdsDto } from '../dto/echoed-ids.dto.js';
import { FormPercentage } from '../dto/form-percentage.decorator.js';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { PROFILE_NAMES } from '@app/emg';
import { toOptionalString } from '../../shared/validation/form-values.js';

export const DEFAULT_CALIBRATION_PERCENTAGE = 75;

/** POST /mvc/calibrate, file form: the text fields beside `file`. */
export class MvcCalibrateFormDto extends PickType(EchoedIdsDto, ['user_id', 'session_id']) {
  @FormPercentage(`Threshold, percent of MVC (default ${DEFAULT_CALIBRATION_PERCENTAGE})`)
  threshold_percentage?: number;

  @ApiPropertyOptional({
    enum: PROFILE_NAMES,
    description: 'Processing profile whose envelope the MVC is estimated from (default ghostly-v1)',
  })
  @IsOptional()
  @Transform(toOptionalString)
  @IsIn(PROFILE_NAMES)
  profile?: string;
}

export class MvcEstimationDto {
  @ApiProperty({ description: 'MVC, V: the 95th percentile of the processed envelope' }) mvc_value!: number;
  @ApiProperty({ description: 'mvc_value x threshold_percentage / 100, V' }) threshold_value!: number;
  @ApiProperty() threshold_percentage!: number;
  @ApiProperty({ example: 'clinical_estimation' }) estimation_method!: string;
  @ApiProperty({ description: '0-1: steadiness, peak above the mean, signal length' })
  confidence_score!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'signal_length_seconds, signal_type, signal_mean, signal_std, percentile_90/95/99, source, ...',
  })
  metadata!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
}

export class MvcFileInfoDto {
  @ApiProperty() filename!: string;
  @ApiProperty({ type: [String] }) channels_processed!: string[];
  @ApiProperty({ nullable: true, type: Number, description: 'Hz' }) sampling_rate!: number | null;
}

export class MvcCalibrationDto {
  @ApiProperty({ example: 'success' }) status!: 'success';
  @ApiProperty({ enum: ['initial', 'recalibration'] }) calibration_type!: 'initial' | 'recalibration';
  @ApiProperty() file_info!: MvcFileInfoDto;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/MvcEstimationDto' } })
  mvc_estimations!: Record<string, MvcEstimationDto>;
  @ApiPropertyOptional({ nullable: true, type: String }) user_id?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) session_id?: string | null;
}
