import type { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { UnprocessableError } from '../errors/app-error.js';

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => (prefix ? `${prefix}.${m}` : m)),
    ...messages(e.children ?? [], prefix ? `${prefix}.${e.property}` : e.property),
  ]);
}

/**
 * A nested part of a request (e.g. `session_params` of POST /analysis/recalc) as `dto`, unknown
 * members dropped. 422 validation_failed with one message per failing constraint, as the
 * ValidationPipe's body on the original's paths.
 */
export function validateLenient<T extends object>(dto: Type<T>, value: unknown, where: string): T {
  if (value === undefined || value === null) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UnprocessableError('validation_failed', 'Request validation failed', [
      `${where} must be an object`,
    ]);
  }
  const instance = plainToInstance(dto, value);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: false });
  if (errors.length > 0) {
    throw new UnprocessableError('validation_failed', 'Request validation failed', messages(errors, where));
  }
  return instance;
}
