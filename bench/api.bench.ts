/**
 * API benchmark of the analysis screen's calls on the largest GHOSTLY file (0881, 175 s): the
 * default POST /upload answer (size and time), POST /analysis/recalc with that answer posted back
 * (server time, from the Server-Timing header: arrival to serialised answer, body parsing
 * included), and a stored session's signals (channel list and one downsampled channel, cold and
 * warm). Starts the built service on 127.0.0.1 in embedded mode; bounded loops, loopback only.
 *
 * Run: npm run bench:api   (BENCH_ROUNDS sets the repetitions, default 20)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const FILE = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
const BYTES = readFileSync(join(ROOT, 'test/fixtures/ghostly', FILE));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PORT = 18000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: 'api-bench@localhost', password: 'api-bench-password-1' };

interface Timed {
  status: number;
  serverMs: number;
  wallMs: number;
  bytes: number;
  body: unknown;
}

async function call(
  method: string,
  path: string,
  body?: string | FormData,
  headers: Record<string, string> = {},
): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(BASE + path, { method, body, headers });
  const text = await res.text();
  const wallMs = performance.now() - started;
  const timing = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
  return {
    status: res.status,
    serverMs: timing ? Number(timing[1]) : NaN,
    wallMs,
    bytes: Buffer.byteLength(text),
    body: text ? (JSON.parse(text) as unknown) : null,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms`;

function uploadForm(fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([BYTES]), FILE);
  return form;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      ...(process.env.GLIBC_TUNABLES ? { GLIBC_TUNABLES: process.env.GLIBC_TUNABLES } : {}),
      PORT: String(PORT),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      MAX_UPLOAD_BYTES: String(20 * 1024 * 1024),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${BASE}/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const login = await call('POST', '/auth/login', JSON.stringify(ADMIN), {
      'content-type': 'application/json',
    });
    const auth = { authorization: `Bearer ${(login.body as { access_token: string }).access_token}` };

    const uploads: Timed[] = [];
    for (let i = 0; i < Math.max(5, ROUNDS / 2); i++)
      uploads.push(await call('POST', '/upload', uploadForm(), auth));
    const answer = uploads[0]!;
    if (answer.status !== 200) throw new Error(`upload answered ${answer.status}`);
    const full = await call('POST', '/upload', uploadForm({ max_points: '0' }), auth);

    const recalcBody = JSON.stringify({
      existing: answer.body,
      session_params: { session_mvc_threshold_percentage: 60, contraction_duration_threshold: 500 },
    });
    const recalcs: Timed[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      recalcs.push(
        await call('POST', '/analysis/recalc', recalcBody, { ...auth, 'content-type': 'application/json' }),
      );
    }
    if (recalcs.some((r) => r.status !== 200)) throw new Error('recalc failed');

    // a stored session of the same file
    const therapist = await call(
      'POST',
      '/admin/users',
      JSON.stringify({
        email: 'api-bench-t@localhost',
        role: 'therapist',
        first_name: 'B',
        last_name: 'T',
        custom_password: 'api-bench-therapist-1',
      }),
      { ...auth, 'content-type': 'application/json' },
    );
    const therapistId = (therapist.body as { user_id: string }).user_id;
    const patient = await call('POST', '/patients', JSON.stringify({ therapist_id: therapistId }), {
      ...auth,
      'content-type': 'application/json',
    });
    const code = (patient.body as { patient_code: string }).patient_code;
    const created = await call('POST', '/sessions', uploadForm({ patient_code: code }), auth);
    const session = (created.body as { session_code: string }).session_code;
    for (let i = 0; i < 600; i++) {
      const s = await call('GET', `/sessions/${session}/status`, undefined, auth);
      if ((s.body as { status: string }).status === 'completed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const coldList = await call('GET', `/sessions/${session}/signals`, undefined, auth);
    const coldChannel = await call('GET', `/sessions/${session}/signals/CH1%20Raw`, undefined, auth);
    const lists: Timed[] = [];
    const channels: Timed[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      lists.push(await call('GET', `/signals/jit/${session}/channels`, undefined, auth));
      channels.push(await call('GET', `/signals/jit/${session}/CH1%20Raw`, undefined, auth));
    }

    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
    console.log(`bench:api on ${FILE} (173,370 samples per channel, 8 signal entries), ${ROUNDS} rounds`);
    console.log(
      `POST /upload default answer: ${mb(answer.bytes)} of JSON; server ${fmt(uploads.map((u) => u.serverMs))}`,
    );
    console.log(
      `POST /upload max_points=0 (full resolution): ${mb(full.bytes)} of JSON; server ${full.serverMs.toFixed(1)} ms`,
    );
    console.log(
      `POST /analysis/recalc (default answer posted back, ${mb(recalcBody.length)}): server ${fmt(recalcs.map((r) => r.serverMs))}; round trip ${fmt(recalcs.map((r) => r.wallMs))}`,
    );
    console.log(
      `signals cold: channel list ${coldList.serverMs.toFixed(1)} ms, one channel ${coldChannel.serverMs.toFixed(1)} ms`,
    );
    console.log(`signals warm: channel list server ${fmt(lists.map((r) => r.serverMs))}`);
    console.log(
      `signals warm: CH1 Raw (${(channels[0]!.body as { points: number }).points} points, ${mb(channels[0]!.bytes)}) server ${fmt(channels.map((r) => r.serverMs))}`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
