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
    switchToHttp: () => ({
      getRequest: () => ({ id: 'req-1', method: 'GET', url: '/x' }),
      getResponse: () => reply,
    }),
  } as unknown as ArgumentsHost;
  const filter = new AllExceptionsFilter();
  // Keep the test output clean: the 500 path logs the stack on purpose.
  (filter as unknown as { logger: { error: () => void } }).logger = { error: () => undefined };
  filter.catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter', () => {
  it('renders domain errors with their stable code and details', () => {
    const sent = run(
      new NotFoundError('patient_not_found', 'Patient P042 not found', { patient_code: 'P042' }),
    );
    expect(sent).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        error: 'patient_not_found',
        message: 'Patient P042 not found',
        detail: 'Patient P042 not found',
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
      detail: 'An internal error occurred',
      requestId: 'req-1',
    });
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });

  it('maps Fastify errors such as body limits to their status', () => {
    const fst = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(run(fst)).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
  });

  it('keeps Nest HTTP exceptions in the envelope', () => {
    expect(run(new BadRequestException('nope'))).toMatchObject({
      status: 400,
      body: { error: 'bad_request', message: 'nope' },
    });
  });

  it('answers database constraint errors with 4xx codes, never a 500', () => {
    const pgError = (code: string, constraint?: string) =>
      Object.assign(new Error('insert or update violates ...'), { code, constraint });
    expect(run(pgError('23503', 'patients_current_scoring_config_id_fkey'))).toMatchObject({
      status: 422,
      body: {
        error: 'invalid_reference',
        details: { constraint: 'patients_current_scoring_config_id_fkey' },
      },
    });
    expect(run(pgError('23505'))).toMatchObject({ status: 409, body: { error: 'already_exists' } });
    expect(run(pgError('23514'))).toMatchObject({ status: 422, body: { error: 'constraint_violation' } });
    expect(run(pgError('22P02'))).toMatchObject({ status: 400, body: { error: 'invalid_value' } });
    expect(JSON.stringify(run(pgError('23505')).body)).not.toContain('violates');
  });

  it('answers a lost database connection with 503 database_unavailable', () => {
    expect(
      run(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toMatchObject({
      status: 503,
      body: { error: 'database_unavailable' },
    });
    expect(
      run(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
    ).toMatchObject({ status: 503 });
    expect(run(new Error('timeout exceeded when trying to connect'))).toMatchObject({ status: 503 });
    // pg's errors for a client whose connection died while checked out have no code
    for (const message of [
      'Connection terminated unexpectedly',
      'Client has encountered a connection error and is not queryable',
    ])
      expect(run(new Error(message))).toMatchObject({ status: 503, body: { error: 'database_unavailable' } });
    // near miss: a message that merely mentions a connection is not an outage
    expect(run(new Error('Connection string is invalid'))).toMatchObject({ status: 500 });
  });

  it('leaves unknown SQLSTATEs as 500', () => {
    expect(run(Object.assign(new Error('x'), { code: 'XX000' }))).toMatchObject({
      status: 500,
      body: { error: 'internal_error' },
    });
  });
});
