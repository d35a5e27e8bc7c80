import type { AnalysisParams } from '@app/analysis';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

/**
 * The original's optional analysis form fields (original-spec 2.4), same names. Multipart text
 * fields arrive as strings, hence the number conversions.
 */
export class AnalysisParamsFormDto {
  @ApiPropertyOptional({
    description: 'Envelope detection threshold, fraction of the envelope max (default 0.10)',
    minimum: 0.001,
    maximum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.001)
  @Max(1)
  threshold_factor?: number;

  @ApiPropertyOptional({ description: 'Minimum contraction duration, ms (default 100)', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60_000)
  min_duration_ms?: number;

  @ApiPropertyOptional({
    description: 'Detection moving-average length in samples (default 100)',
    minimum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  smoothing_window?: number;

  @ApiPropertyOptional({ description: 'Global MVC value (signal units, V)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  session_mvc_value?: number;

  @ApiPropertyOptional({ description: 'MVC threshold, percent (default 75)', minimum: 0, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100)
  session_mvc_threshold_percentage?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  session_expected_contractions?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  session_expected_contractions_ch1?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  session_expected_contractions_ch2?: number;

  @ApiPropertyOptional({ description: 'Therapeutic duration threshold, ms (default 2000)', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(600_000)
  contraction_duration_threshold?: number;
}

export const ANALYSIS_PARAM_FIELDS = [
  'threshold_factor',
  'min_duration_ms',
  'smoothing_window',
  'session_mvc_value',
  'session_mvc_threshold_percentage',
  'session_expected_contractions',
  'session_expected_contractions_ch1',
  'session_expected_contractions_ch2',
  'contraction_duration_threshold',
] as const;

/** Form fields -> the analysis library's parameter object (absent fields stay absent). */
export function toAnalysisParams(form: Partial<AnalysisParamsFormDto>): AnalysisParams {
  const po: NonNullable<AnalysisParams['processing_options']> = {};
  if (form.threshold_factor !== undefined) po.threshold_factor = form.threshold_factor;
  if (form.min_duration_ms !== undefined) po.min_duration_ms = form.min_duration_ms;
  if (form.smoothing_window !== undefined) po.smoothing_window = form.smoothing_window;
  const sp: NonNullable<AnalysisParams['session_params']> = {};
  for (const key of [
    'session_mvc_value',
    'session_mvc_threshold_percentage',
    'session_expected_contractions',
    'session_expected_contractions_ch1',
    'session_expected_contractions_ch2',
    'contraction_duration_threshold',
  ] as const) {
    if (form[key] !== undefined) sp[key] = form[key];
  }
  const params: AnalysisParams = {};
  if (Object.keys(po).length > 0) params.processing_options = po;
  if (Object.keys(sp).length > 0) params.session_params = sp;
  return params;
}

/** OpenAPI schema properties of the parameter fields, for multipart @ApiBody schemas. */
export const ANALYSIS_PARAM_SCHEMA: Record<string, { type: 'number' | 'integer'; description?: string }> = {
  threshold_factor: { type: 'number', description: 'default 0.10' },
  min_duration_ms: { type: 'integer', description: 'default 100' },
  smoothing_window: { type: 'integer', description: 'samples, default 100' },
  session_mvc_value: { type: 'number' },
  session_mvc_threshold_percentage: { type: 'number', description: 'default 75' },
  session_expected_contractions: { type: 'integer' },
  session_expected_contractions_ch1: { type: 'integer' },
  session_expected_contractions_ch2: { type: 'integer' },
  contraction_duration_threshold: { type: 'integer', description: 'ms, default 2000' },
};
