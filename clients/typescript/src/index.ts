/**
 * A typed client of the service: openapi-fetch over the types that openapi-typescript generates
 * from the service's OpenAPI document (`npm run client` writes generated/schema.d.ts). Every path,
 * parameter, body and answer is checked by the compiler against the document the service serves.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../generated/schema.js';

export type { components, paths };
export type Schemas = components['schemas'];
export type EmgClient = Client<paths>;

/** A client for `baseUrl` (e.g. http://127.0.0.1:8080), sending the bearer token when given. */
export function createEmgClient(baseUrl: string, token?: string): EmgClient {
  return createClient<paths>({
    baseUrl,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

/** Logs in and returns a client that carries the access token. */
export async function logIn(baseUrl: string, email: string, password: string): Promise<EmgClient> {
  const { data, error } = await createEmgClient(baseUrl).POST('/auth/login', { body: { email, password } });
  if (!data) throw new Error(`login failed: ${error?.error ?? 'no answer'}: ${error?.message ?? ''}`);
  return createEmgClient(baseUrl, data.access_token);
}

/** The form fields of POST /sessions besides the file (all optional except patient_code). */
export type SessionForm = Omit<
  paths['/sessions']['post']['requestBody']['content']['multipart/form-data'],
  'file'
>;

/**
 * Uploads a C3D recording for a patient (POST /sessions, multipart): fields left out are "not
 * given" and take the service's defaults. Answers the queued session (or the existing one for a
 * file uploaded before).
 */
export async function uploadSession(
  client: EmgClient,
  file: { name: string; bytes: Uint8Array },
  form: SessionForm,
): Promise<Schemas['SessionAcceptedDto']> {
  const { data, error } = await client.POST('/sessions', {
    body: { ...form, file: file.name },
    bodySerializer: () => {
      const body = new FormData();
      for (const [key, value] of Object.entries(form)) {
        if (value === undefined || value === null) continue;
        body.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
      }
      body.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
      return body;
    },
  });
  if (!data) throw new Error(`upload failed: ${error?.error ?? 'no answer'}: ${error?.message ?? ''}`);
  return data;
}

/** Reads a session until it is completed or failed (polls every `intervalMs`). */
export async function waitForSession(
  client: EmgClient,
  sessionCode: string,
  { intervalMs = 500, timeoutMs = 120_000 } = {},
): Promise<Schemas['SessionDetailDto']> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data, error } = await client.GET('/sessions/{session_code}', {
      params: { path: { session_code: sessionCode } },
    });
    if (!data) throw new Error(`read failed: ${error?.error ?? 'no answer'}: ${error?.message ?? ''}`);
    if (data.status === 'completed' || data.status === 'failed') return data;
    if (Date.now() > deadline) throw new Error(`${sessionCode} still ${data.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
