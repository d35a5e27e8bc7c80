import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, STATUS_BY_KIND } from './app-error.js';
import { fromDatabaseError } from './database-errors.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Same text as `message`: the original's clients show `detail`. */
  detail?: string;
  details?: unknown;
  requestId: string;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'unavailable',
};

/** Fastify's own errors (body limits, multipart limits, bad JSON) carry a code and a statusCode. */
function fastifyError(e: unknown): { statusCode: number; code: string; message: string } | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { statusCode, code, message } = e as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || typeof code !== 'string' || !code.startsWith('FST_'))
    return undefined;
  return { statusCode, code, message: typeof message === 'string' ? message : code };
}

/** Turns every error into `{ statusCode, error, message, detail, details?, requestId }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    body.detail = body.message;
    // 501: an optional feature this installation lacks, not a fault worth a stack trace
    if (body.statusCode >= 500 && body.statusCode !== 501) {
      this.logger.error(
        { msg: 'unhandled error', requestId: body.requestId, method: request.method, url: request.url },
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    const retryAfter = (body.details as { retry_after_seconds?: unknown } | undefined)?.retry_after_seconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number') {
      void reply.header('retry-after', String(retryAfter));
    }
    void reply.status(body.statusCode).header('content-type', 'application/json').send(body);
  }

  private toBody(thrown: unknown, requestId: string): ErrorBody {
    const e = thrown instanceof AppError ? thrown : (fromDatabaseError(thrown) ?? thrown);
    if (e instanceof AppError) {
      const body: ErrorBody = {
        statusCode: STATUS_BY_KIND[e.kind],
        error: e.code,
        message: e.message,
        requestId,
      };
      if (e.details !== undefined) body.details = e.details;
      return body;
    }
    if (e instanceof HttpException) return this.fromHttpException(e, requestId);
    const fst = fastifyError(e);
    if (fst) {
      const code =
        fst.statusCode === 413 ? 'payload_too_large' : (CODE_BY_STATUS[fst.statusCode] ?? 'bad_request');
      return { statusCode: fst.statusCode, error: code, message: fst.message, requestId };
    }
    return { statusCode: 500, error: 'internal_error', message: 'An internal error occurred', requestId };
  }

  private fromHttpException(e: HttpException, requestId: string): ErrorBody {
    const statusCode = e.getStatus();
    const response = e.getResponse();
    let message = e.message;
    let details: unknown;
    let error = CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? 'internal_error' : 'bad_request');
    if (typeof response === 'object' && response !== null) {
      const r = response as { message?: unknown; error?: unknown; code?: unknown };
      if (Array.isArray(r.message)) {
        // ValidationPipe: one message per failing constraint.
        error = 'validation_failed';
        message = 'Request validation failed';
        details = r.message;
      } else if (typeof r.message === 'string') {
        message = r.message;
      }
      if (typeof r.code === 'string') error = r.code;
    }
    if (statusCode >= 500) message = 'An internal error occurred';
    const body: ErrorBody = { statusCode, error, message, requestId };
    if (details !== undefined) body.details = details;
    return body;
  }
}
