import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { toOptionalNumber } from '../../shared/validation/form-values.js';

/** An optional percentage (0-100) sent as a form field or a JSON member; empty means not given. */
export function FormPercentage(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 0, maximum: 100, description }),
    IsOptional(),
    Transform(toOptionalNumber),
    IsNumber(),
    Min(0),
    Max(100),
  );
}
