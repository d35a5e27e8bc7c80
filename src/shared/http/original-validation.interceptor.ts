import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UnprocessableEntityException,
  UseInterceptors,
} from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';

/**
 * The original API (FastAPI) answered request-validation failures with 422. On its paths the
 * ValidationPipe's 400 becomes 422 with the same body; this service's own routes keep 400.
 * Pipes run inside interceptors, so their exceptions pass through here.
 */
@Injectable()
export class OriginalValidationStatusInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof BadRequestException) {
          const response = error.getResponse();
          if (typeof response === 'object' && Array.isArray((response as { message?: unknown }).message)) {
            throw new UnprocessableEntityException(response);
          }
        }
        throw error;
      }),
    );
  }
}

/** Marks a controller or route as one of the original API's: validation failures answer 422. */
export const OriginalValidationStatus = () => UseInterceptors(OriginalValidationStatusInterceptor);
