import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

// Runs the built service as a real process (CI builds before this tier).
const MAIN = resolve('dist/src/main.js');
const DB_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: run `npm run build` first');
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

/**
 * Polls /health until the process answers. A bound on a hang, not a start-up target: a fresh
 * embedded start (PGlite and its migrations) took 11 s on this 2-core machine under heavy load.
 */
async function waitForHealth(port: number, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no /health answer on port ${port} within ${timeoutMs} ms`);
}

async function waitForOutput(r: Running, text: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!r.output().includes(text) && Date.now() - started < timeoutMs) {
    await new Promise((res) => setTimeout(res, 100));
  }
}

async function stop(r: Running): Promise<number | null> {
  r.child.kill('SIGTERM');
  return r.exited;
}

const port = () => 20000 + Math.floor(Math.random() * 20000);

describe('the service as a process', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('refuses to start on invalid configuration, naming every bad key', async () => {
    const r = start({ PORT: 'eighty', APP_ROLE: 'boss', REDIS_URL: 'http://nope' });
    expect(await r.exited).toBe(1);
    const out = r.output();
    expect(out).toContain('Invalid configuration');
    for (const key of ['PORT', 'APP_ROLE', 'REDIS_URL']) expect(out).toContain(key);
  });

  it('starts on embedded defaults, serves docs, and keeps its data across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emg-proc-'));
    const p = port();
    const first = start({ PORT: String(p), DATA_DIR: dataDir });
    await waitForHealth(p);
    const docs = await fetch(`http://127.0.0.1:${p}/docs-json`);
    expect(((await docs.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    expect(first.output()).toContain('applied migrations');
    expect(await stop(first)).toBe(0);

    const second = start({ PORT: String(p), DATA_DIR: dataDir });
    await waitForHealth(p);
    const ready = await fetch(`http://127.0.0.1:${p}/health/ready`);
    expect(ready.status).toBe(200);
    // Same data directory: nothing left to migrate, so the schema persisted.
    expect(second.output()).not.toContain('applied migrations');
    expect(await stop(second)).toBe(0);
  }, 150_000);

  it("walks the newcomer's path on embedded defaults, and the scored session survives a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emg-newcomer-'));
    const p = port();
    const base = `http://127.0.0.1:${p}`;
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies of several shapes, read by field
      return { status: res.status, json: (await res.json()) as Record<string, any> };
    };
    const login = async (email: string, password: string) =>
      (await call('POST', '/auth/login', undefined, { email, password })).json.access_token as string;

    const first = start({ PORT: String(p), DATA_DIR: dataDir });
    await waitForHealth(p);
    // the first admin's password: in a banner on stderr and in DATA_DIR (owner-only) until changed
    const passwordFile = join(dataDir, 'initial-admin-password');
    const password = readFileSync(passwordFile, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9-]+$/);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(first.output()).toContain(`password: ${password}`);
    const admin = await login('admin@localhost', password);
    const created = await call('POST', '/admin/users', admin, {
      email: 'tess@clinic.test',
      role: 'therapist',
      first_name: 'Tess',
      last_name: 'Ray',
    });
    expect(created.status).toBe(201);
    const therapist = await login('tess@clinic.test', created.json.temporary_password);
    const patient = await call('POST', '/patients', therapist, {});
    expect(patient.status).toBe(201);
    const file = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
    const form = new FormData();
    form.append('patient_code', patient.json.patient_code);
    form.append('file', new Blob([readFileSync(join('test/fixtures/ghostly', file))]), file);
    const upload = await fetch(`${base}/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${therapist}` },
      body: form,
    });
    expect(upload.status).toBe(202);
    const code = ((await upload.json()) as { session_code: string }).session_code;
    const deadline = Date.now() + 30_000;
    while ((await call('GET', `/sessions/${code}/status`, therapist)).json.status !== 'completed') {
      if (Date.now() > deadline) throw new Error(`${code} not completed`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const scored = (await call('GET', `/sessions/${code}`, therapist)).json;
    expect(scored.performance_scores.overall_score).toBeCloseTo(78.25, 2);
    // the admin changes the first password: the kept copy goes at the next start
    const me = (await call('POST', '/auth/login', undefined, { email: 'admin@localhost', password })).json;
    const reset = await call('POST', `/admin/users/${me.user.id}/reset-password`, admin, {
      new_password: 'a-password-of-my-own',
    });
    expect(reset.status).toBe(200);
    expect(existsSync(passwordFile)).toBe(true);
    expect(await stop(first)).toBe(0);

    const second = start({ PORT: String(p), DATA_DIR: dataDir });
    await waitForHealth(p);
    expect(second.output()).not.toContain('FIRST ADMIN ACCOUNT CREATED');
    expect(existsSync(passwordFile)).toBe(false);
    const again = await login('tess@clinic.test', created.json.temporary_password);
    const after = await call('GET', `/sessions/${code}`, again);
    expect(after.status).toBe(200);
    expect(after.json.performance_scores.overall_score).toBe(scored.performance_scores.overall_score);
    expect(after.json.contractions).toHaveLength(26);
    // the stored file is still there: reprocessing it works
    expect((await call('POST', `/sessions/${code}/reprocess`, again, {})).status).toBe(202);
    expect(await stop(second)).toBe(0);
  }, 180_000);

  it('runs in server mode on PostgreSQL and Redis, and as a worker without the API', async () => {
    const name = `emg_proc_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: DB_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const url = new URL(DB_URL);
    url.pathname = `/${name}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'emg-proc-'));
    const env = { DATABASE_URL: url.toString(), REDIS_URL, DB_MIGRATE_ON_START: 'true', DATA_DIR: dataDir };
    const p = port();
    const api = start({ ...env, PORT: String(p), APP_ROLE: 'api' });
    await waitForHealth(p);
    const ready = await fetch(`http://127.0.0.1:${p}/health/ready`);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: 'up', redis: 'up', storage: 'up' },
    });

    const worker = start({ ...env, PORT: String(p + 1), APP_ROLE: 'worker' });
    // polled, not a fixed wait: a busy machine took over 2.5 s to boot the worker once
    await waitForOutput(worker, 'worker started');
    expect(worker.output()).toContain('worker started');
    await expect(fetch(`http://127.0.0.1:${p + 1}/health`)).rejects.toThrow();
    expect(await stop(worker)).toBe(0);
    expect(await stop(api)).toBe(0);
  }, 150_000);

  it('reports Redis down in readiness', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emg-proc-'));
    const p = port();
    const r = start({ PORT: String(p), DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      await waitForHealth(p);
      const ready = await fetch(`http://127.0.0.1:${p}/health/ready`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { details: { checks: { redis: string } } }).details.checks.redis).toBe(
        'down',
      );
    } finally {
      r.child.kill('SIGKILL');
      await r.exited;
    }
  }, 150_000);
});
