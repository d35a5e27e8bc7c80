import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from './test-app.js';

export const GHOSTLY_DIR = join(process.cwd(), 'test/fixtures/ghostly');
export const BAD_INPUT_DIR = join(process.cwd(), 'test/fixtures/bad-input');

export function ghostly(name: string): Buffer {
  return readFileSync(join(GHOSTLY_DIR, name));
}

/** A multipart/form-data body with one `file` part and text fields. */
export function multipart(
  file: { name: string; content: Buffer | Uint8Array } | null,
  fields: Record<string, string | number | boolean> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----emg${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export interface StatusBody {
  status: string;
  stage: string | null;
  progress: number;
  error_code: string | null;
  error_message: string | null;
}

/** Polls GET /sessions/:code/status until completed or failed. */
export async function waitForSession(
  t: TestApp,
  headers: Record<string, string>,
  code: string,
  timeoutMs = 30_000,
): Promise<StatusBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.app.inject({ method: 'GET', url: `/sessions/${code}/status`, headers });
    const body = res.json<StatusBody>();
    if (body.status === 'completed' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`session ${code} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
