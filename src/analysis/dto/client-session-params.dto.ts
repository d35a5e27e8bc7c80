import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { toOptionalJsonObject } from '../../shared/validation/form-values.js';
import { IsTextMap } from '../../shared/validation/maps.js';
import { AnalysisParamsFormDto } from './analysis-params.dto.js';

/**
 * The original client's session parameters (its GameSessionParameters): the analysis parameters
 * plus its display mappings, which are echoed back in metadata.session_parameters_used.
 */
export class ClientSessionParamsDto extends AnalysisParamsFormDto {
  @ApiPropertyOptional({
    description: 'Channel -> muscle name, e.g. {"CH1": "Left Quadriceps"} (JSON text in a form); echoed back',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @Transform(toOptionalJsonObject)
  @IsTextMap(200)
  channel_muscle_mapping?: Record<string, string | null>;

  @ApiPropertyOptional({
    description: 'Muscle -> display colour (JSON text in a form); echoed back',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @Transform(toOptionalJsonObject)
  @IsTextMap(200)
  muscle_color_mapping?: Record<string, string | null>;
}
