/**
 * The memory bound of uploads, measured on the service as it runs: the built API process
 * (`node dist/src/main.js`, APP_ROLE=api, the malloc settings of `npm start`) on real PostgreSQL
 * and Redis, 8 concurrent uploads of a 99 MiB C3D file over real sockets, its resident set size
 * read from /proc while they arrive. Streamed uploads keep it under 300 MB; holding the files in
 * memory, as uploads did before, peaks at 1.3 GB in the same setup.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readC3d, readC3dMetadata, toWriteSpec, writeC3d } from '@app/c3d';
import { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { createTestPostgres, type TestPostgres } from '../support/postgres.js';
import { ghostly } from '../support/session-helpers.js';
import { createUser, signHs256, supabaseClaims } from '../support/tokens.js';

jest.setTimeout(300_000);
const MAIN = resolve('dist/src/main.js');
const SECRET = 'upload-memory-int-secret-0123456789abcdef';
const REDIS_DB = 9;
const UPLOADS = 8;
const FILE_BYTES = 99 * 1024 * 1024;
const RSS_BOUND = 300 * 1024 * 1024;
const MALLOC = (JSON.parse(readFileSync('package.json', 'utf8')) as { config: { malloc: string } }).config
  .malloc;

function redisUrl(): string {
  const url = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = `/${REDIS_DB}`;
  return url.toString();
}

/** A valid GHOSTLY-shaped recording of about `bytes` bytes: a real file's frames repeated. */
function largeC3d(bytes: number): Uint8Array {
  const src = readC3d(ghostly('Ghostly_Emg_20230321_17-50-17-0881.c3d'));
  const frames = Math.floor((bytes - 3 * 512) / 496);
  const tile = (a: ArrayLike<number>, n: number) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = a[i % a.length]!;
    return out;
  };
  const spec = toWriteSpec(src);
  const spf = src.analog.samplesPerFrame;
  spec.frames = frames;
  spec.points = {
    ...spec.points!,
    x: src.points.x.map((a) => tile(a, frames)),
    y: src.points.y.map((a) => tile(a, frames)),
    z: src.points.z.map((a) => tile(a, frames)),
    residual: src.points.residual.map((a) => tile(a, frames)),
    camera: src.points.camera.map((a) => Uint8Array.from(tile(a, frames))),
  };
  spec.analog = { ...spec.analog!, channels: src.analog.channels.map((a) => tile(a, frames * spf)) };
  return writeC3d(spec);
}

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  return kb ? Number(kb[1]) * 1024 : 0;
}

/** A multipart body streamed from disk: the test process never holds the file either. */
function streamedForm(path: string, fields: Record<string, string>) {
  const boundary = `----memory${Math.random().toString(16).slice(2)}`;
  async function* parts() {
    for (const [k, v] of Object.entries(fields))
      yield Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    yield Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="large.c3d"\r\n` +
        'content-type: application/octet-stream\r\n\r\n',
    );
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return {
    body: Readable.toWeb(Readable.from(parts())) as ReadableStream,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('8 concurrent 99 MiB uploads to a running API process', () => {
  let pgdb: TestPostgres;
  let child: ChildProcess;
  let output = '';
  let dataDir: string;
  let filePath: string;
  let base: string;
  let token: string;
  const patientCodes: string[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: run `npm run build` first');
    pgdb = await createTestPostgres();
    const therapist = await createUser(pgdb.database, 'therapist');
    token = await signHs256(SECRET, supabaseClaims(therapist));
    dataDir = mkdtempSync(join(tmpdir(), 'emg-memory-'));
    filePath = join(dataDir, 'large.c3d');
    const bytes = largeC3d(FILE_BYTES);
    expect(readC3dMetadata(bytes).warnings).toEqual([]);
    writeFileSync(filePath, bytes);
    const port = 20000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        GLIBC_TUNABLES: MALLOC,
        APP_ROLE: 'api',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: pgdb.url,
        REDIS_URL: redisUrl(),
        DATA_DIR: join(dataDir, 'service'),
        JWT_SECRET: SECRET,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited: ${output}`);
      const ok = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the API did not answer /health: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    for (let i = 0; i < UPLOADS; i++) {
      const res = await fetch(`${base}/patients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      patientCodes.push(((await res.json()) as { patient_code: string }).patient_code);
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await pgdb?.drop();
    const redis = new Redis(redisUrl());
    await redis.flushdb();
    redis.disconnect();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the API under 300 MB RSS, accepts every upload, and leaves no temporary file', async () => {
    const size = statSync(filePath).size;
    expect(size).toBeGreaterThan(98 * 1024 * 1024);
    const pid = child.pid!;
    const idle = rssBytes(pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 20);
    const started = performance.now();
    let results: { status: number; body: { session_code?: string; error?: string } }[];
    try {
      results = await Promise.all(
        patientCodes.map(async (code) => {
          const form = streamedForm(filePath, { patient_code: code });
          const res = await fetch(`${base}/sessions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': form.contentType },
            body: form.body,
            duplex: 'half',
          } as RequestInit);
          return { status: res.status, body: (await res.json()) as { session_code?: string } };
        }),
      );
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, rssBytes(pid));
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    console.log(
      `upload memory: ${UPLOADS} x ${mb(size)} MiB in ${seconds.toFixed(1)} s; API RSS idle ${mb(idle)} MiB, ` +
        `peak ${mb(peak)} MiB (bound ${mb(RSS_BOUND)} MiB)`,
    );
    expect(results.map((r) => r.status)).toEqual(Array(UPLOADS).fill(202));
    expect(peak).toBeLessThan(RSS_BOUND);
    // every upload was stored whole, under its own session, and its temporary file is gone
    const stored = await pgdb.database.kysely
      .selectFrom('therapy_sessions')
      .select(['file_size_bytes', 'processing_status'])
      .execute();
    expect(stored.map((s) => Number(s.file_size_bytes))).toEqual(Array(UPLOADS).fill(size));
    expect(readdirSync(join(dataDir, 'service', 'upload-tmp'))).toEqual([]);
  });
});

describe('a sender that trickles its request', () => {
  it('is answered 408 and cut off after REQUEST_TIMEOUT_MS', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emg-timeout-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        REQUEST_TIMEOUT_MS: '2000',
      },
      stdio: 'ignore',
    });
    try {
      const deadline = Date.now() + 60_000;
      while (
        !(await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('the service did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
      // headers and the first bytes of a body announced as 100 bytes, then nothing
      const socket = connect(port, '127.0.0.1');
      const started = Date.now();
      let answer = '';
      socket.on('data', (d: Buffer) => (answer += d.toString()));
      socket.write(
        'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          'Content-Length: 100\r\n\r\n{"email"',
      );
      await new Promise((r) => {
        socket.once('close', r);
        setTimeout(r, 15_000);
      });
      socket.destroy();
      const elapsed = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(elapsed).toBeGreaterThanOrEqual(1900);
      expect(elapsed).toBeLessThan(10_000);
      // near miss: the service still answers others
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
