/**
 * From login to a scored session with the typed client (docs/client.md):
 *   node dist/clients/typescript/examples/first-session.js URL EMAIL PASSWORD FILE.c3d
 * The therapist's first patient is created, the file uploaded with the defaults, the result read.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { logIn, uploadSession, waitForSession } from '../src/index.js';

const [url = 'http://127.0.0.1:8080', email = '', password = '', path = ''] = process.argv.slice(2);
const client = await logIn(url, email, password);

const { data: patient, error } = await client.POST('/patients', { body: { total_sessions_planned: 30 } });
if (!patient) throw new Error(`${error?.error}: ${error?.message}`);

const queued = await uploadSession(
  client,
  { name: basename(path), bytes: readFileSync(path) },
  { patient_code: patient.patient_code },
);
const session = await waitForSession(client, queued.session_code);
console.log(session.session_code, session.status, session.performance_scores?.overall_score);
