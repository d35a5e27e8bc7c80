import {
  normalizeAnalysisParams,
  PROCESSING_OPTION_KEYS,
  SESSION_PARAM_KEYS,
  type AnalysisParams,
} from '@app/analysis';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { toOptionalJsonObject, toOptionalNumber } from '../../shared/validation/form-values.js';
import { IsNumberMap } from '../../shared/validation/maps.js';
import { FormPercentage } from './form-percentage.decorator.js';

/**
 * The original's analysis parameters (same names), as multipart text fields or JSON members.
 * Every field is optional, and an empty field, the text 'null' or JSON null means "not given"
 * (the default applies), never 0. Per-channel maps may be sent as JSON text, as the original
 * client does, with null members meaning "not given" for that channel.
 */
export class AnalysisParamsFormDto {
  @ApiPropertyOptional({
    description: 'Envelope detection threshold, fraction of the envelope max (default 0.10)',
    minimum: 0.001,
    maximum: 1,
  })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsNumber()
  @Min(0.001)
  @Max(1)
  threshold_factor?: number;

  @ApiPropertyOptional({ description: 'Minimum contraction duration, ms (default 100)', minimum: 1 })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(1)
  @Max(60_000)
  min_duration_ms?: number;

  @ApiPropertyOptional({
    description: 'Detection moving-average length in samples (default 100)',
    minimum: 1,
  })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(1)
  @Max(100_000)
  smoothing_window?: number;

  @ApiPropertyOptional({
    description: 'Global MVC value, V (default: estimated from the signal)',
    minimum: 0,
  })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsNumber()
  @Min(0)
  @Max(10)
  session_mvc_value?: number;

  @FormPercentage('MVC threshold, percent of MVC (default 75)')
  session_mvc_threshold_percentage?: number;

  @ApiPropertyOptional({ description: 'Expected contractions per muscle (default 12)', minimum: 0 })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(0)
  @Max(10_000)
  session_expected_contractions?: number;

  @ApiPropertyOptional({ description: 'Expected contractions of CH1 (left)', minimum: 0 })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(0)
  @Max(10_000)
  session_expected_contractions_ch1?: number;

  @ApiPropertyOptional({ description: 'Expected contractions of CH2 (right)', minimum: 0 })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(0)
  @Max(10_000)
  session_expected_contractions_ch2?: number;

  @ApiPropertyOptional({ description: 'Therapeutic duration threshold, ms (default 2000)', minimum: 1 })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(1)
  @Max(600_000)
  contraction_duration_threshold?: number;

  @ApiPropertyOptional({
    description:
      'MVC value per channel, V, e.g. {"CH1": 0.00015, "CH2": null} (JSON text in a form); wins over session_mvc_value',
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
  })
  @IsOptional()
  @Transform(toOptionalJsonObject)
  @IsNumberMap({ min: 0, max: 10 })
  session_mvc_values?: Record<string, number | null>;

  @ApiPropertyOptional({
    description: 'MVC threshold per channel, percent, e.g. {"CH1": 75, "CH2": 80} (JSON text in a form)',
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
  })
  @IsOptional()
  @Transform(toOptionalJsonObject)
  @IsNumberMap({ min: 0, max: 100 })
  session_mvc_threshold_percentages?: Record<string, number | null>;

  @ApiPropertyOptional({
    description:
      'Duration threshold per channel in SECONDS, e.g. {"CH1": 2, "CH2": 1.5} (JSON text in a form); wins over contraction_duration_threshold',
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
  })
  @IsOptional()
  @Transform(toOptionalJsonObject)
  @IsNumberMap({ min: 0, max: 600 })
  session_duration_thresholds_per_muscle?: Record<string, number | null>;
}

/** Form fields -> the analysis library's parameter object (fields not given stay absent). */
export function toAnalysisParams(form: Partial<AnalysisParamsFormDto>): AnalysisParams {
  const po: Record<string, unknown> = {};
  for (const key of PROCESSING_OPTION_KEYS) if (form[key] !== undefined) po[key] = form[key];
  const sp: Record<string, unknown> = {};
  for (const key of SESSION_PARAM_KEYS) if (form[key] !== undefined) sp[key] = form[key];
  return normalizeAnalysisParams({ processing_options: po, session_params: sp });
}
