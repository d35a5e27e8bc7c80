import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('foundation (embedded defaults)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness like the original', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'healthy', timestamp: expect.any(String) });
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('is ready with database and storage up, Redis not configured', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().checks).toEqual({ database: 'up', redis: 'not_configured', storage: 'up' });
  });

  it('echoes a well-formed X-Request-ID and replaces a malformed one', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(ok.headers['x-request-id']).toBe('abc-123');
    const bad = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'a b\nc' } });
    expect(bad.headers['x-request-id']).not.toBe('a b\nc');
  });

  it('renders unknown routes in the error envelope', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/no/such/route',
      headers: { 'x-request-id': 'r-1' },
    });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body).toEqual({
      statusCode: 404,
      error: 'not_found',
      message: expect.any(String),
      detail: expect.any(String),
      requestId: 'r-1',
    });
    expect(body.detail).toBe(body.message);
  });

  it('rejects invalid and unexpected body fields with validation_failed and the details', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 42, password: 'x', is_admin: true },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({
      statusCode: 400,
      error: 'validation_failed',
      requestId: expect.any(String),
    });
    const details = (body.details as string[]).join('\n');
    expect(details).toContain('email');
    expect(details).toContain('is_admin should not exist');
  });

  it('refuses a route without a token in the envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ statusCode: 401, error: expect.stringMatching(/^token_/) });
  });

  it('serves Swagger UI and a valid OpenAPI 3 document', async () => {
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    const res = await t.app.inject({ method: 'GET', url: '/docs-json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toBeDefined();
    for (const [path, item] of Object.entries(
      doc.paths as Record<string, Record<string, { summary?: string }>>,
    )) {
      for (const [method, op] of Object.entries(item)) {
        expect({ path, method, summary: typeof op.summary }).toEqual({ path, method, summary: 'string' });
      }
    }
  });
});

describe('readiness with a dependency down', () => {
  it('reports 503 naming storage when the storage directory is unusable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emg-e2e-'));
    writeFileSync(join(dataDir, 'storage'), 'not a directory');
    const t = await createTestApp({ DATA_DIR: dataDir });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.error).toBe('not_ready');
      expect(body.details.checks).toEqual({ database: 'up', redis: 'not_configured', storage: 'down' });
    } finally {
      await t.close();
    }
  });

  it('reports 503 naming the database when it is gone', async () => {
    const t = await createTestApp();
    try {
      await t.database.close();
      const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().details.checks.database).toBe('down');
    } finally {
      await t.close();
    }
  });
});
