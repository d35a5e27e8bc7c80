import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../shared/errors/error-response.dto.js';

/** Documents the 422 that @OriginalValidationStatus() makes of a request validation failure. */
export const ApiValidation422 = () =>
  ApiResponse({
    status: 422,
    description: 'Request validation failed (validation_failed; `details` lists each problem)',
    type: ErrorResponseDto,
  });
