/**
 * One optional scoring weight of a configuration request: a number in 0..1 whose documented
 * default is the trial default's. Shared by the native request and the original API's request.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_WEIGHTS, type WeightColumn } from '../scoring-config.defaults.js';

export interface WeightFieldOptions {
  /** The original API's clients send JSON null for a weight left out: documented as nullable, read as not given. */
  nullIsAbsent?: boolean;
}

export function WeightField(column: WeightColumn, options: WeightFieldOptions = {}): PropertyDecorator {
  const range = { minimum: 0, maximum: 1, default: DEFAULT_WEIGHTS[column] };
  if (!options.nullIsAbsent) {
    return applyDecorators(ApiPropertyOptional(range), IsOptional(), IsNumber(), Min(0), Max(1));
  }
  return applyDecorators(
    ApiPropertyOptional({ ...range, nullable: true, type: Number }),
    Transform(({ value }: { value: unknown }) => (value === null ? undefined : value)),
    IsOptional(),
    IsNumber(),
    Min(0),
    Max(1),
  );
}
