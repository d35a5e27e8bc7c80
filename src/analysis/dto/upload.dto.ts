import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AnalysisParamsFormDto } from './analysis-params.dto.js';

export const DEFAULT_MAX_POINTS = 2000;
export const MAX_MAX_POINTS = 20_000;

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** POST /upload text fields (the file is the `file` part). */
export class UploadFormDto extends AnalysisParamsFormDto {
  @ApiPropertyOptional({ description: 'Return downsampled signals per channel', default: false })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  include_signals?: boolean;

  @ApiPropertyOptional({
    description: 'Points per signal when include_signals (min/max-preserving)',
    default: DEFAULT_MAX_POINTS,
    maximum: MAX_MAX_POINTS,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(MAX_MAX_POINTS)
  max_points?: number;

  @ApiPropertyOptional({ description: 'Echoed back' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  user_id?: string;
  @ApiPropertyOptional({ description: 'Echoed back' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  patient_id?: string;
  @ApiPropertyOptional({ description: 'Echoed back' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  session_id?: string;
}

/** The `emg-c3d analyze --json` report plus the upload's own fields. */
export class UploadResultDto {
  @ApiProperty() file_id!: string;
  @ApiProperty() source_filename!: string;
  @ApiProperty({ description: 'Game metadata from the C3D parameters' }) metadata!: Record<string, unknown>;
  @ApiProperty({ description: 'Per-channel analytics (CH1, CH2, ...)' }) analytics!: Record<string, unknown>;
  @ApiProperty({ type: [String] }) available_channels!: string[];
  @ApiProperty() channel_errors!: Record<string, unknown>;
  @ApiProperty() performance_analysis!: Record<string, unknown>;
  @ApiProperty() processing_profile!: Record<string, unknown>;
  @ApiProperty() processing_options_used!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Only with include_signals=true' }) emg_signals?: Record<
    string,
    unknown
  >;
  @ApiPropertyOptional({ nullable: true, type: String }) user_id?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) patient_id?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) session_id?: string | null;
}
