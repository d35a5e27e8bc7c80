import { describe, expect, it } from '@jest/globals';
import { BadRequestException, type ArgumentsHost } from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter.js';
import { NotFoundError } from './app-error.js';

function run(exception: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    header() {
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1', method: 'GET', url: '/x' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  const filter = new AllExceptionsFilter();
  // Keep the test output clean: the 500 path logs the stack on purpose.
  (filter as unknown as { logger: { error: () => void } }).logger = { error: () => undefined };
  filter.catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter', () => {
  it('renders domain errors with their stable code and details', () => {
    const sent = run(new NotFoundError('patient_not_found', 'Patient P042 not found', { patient_code: 'P042' }));
    expect(sent).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        error: 'patient_not_found',
        message: 'Patient P042 not found',
        details: { patient_code: 'P042' },
        requestId: 'req-1',
      },
    });
  });

  it('hides unknown errors behind a 500 with the request id and no stack', () => {
    const sent = run(new TypeError('secret internals at /srv/app.js:12'));
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      statusCode: 500,
      error: 'internal_error',
      message: 'An internal error occurred',
      requestId: 'req-1',
    });
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });

  it('maps Fastify errors such as body limits to their status', () => {
    const fst = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(run(fst)).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
  });

  it('keeps Nest HTTP exceptions in the envelope', () => {
    expect(run(new BadRequestException('nope'))).toMatchObject({ status: 400, body: { error: 'bad_request', message: 'nope' } });
  });
});
