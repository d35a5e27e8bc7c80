import { sql } from 'kysely';
import type { Database } from '../../src/infrastructure/database/database.js';
import type { UserRole } from '../../src/infrastructure/database/database.types.js';
import type { ClientUser } from './postgrest-sql.js';

/** The data the client-direct-reads cases run against, written in the service context. */

export const TRIAL_CONFIG = 'a0000000-0000-0000-0000-000000000001';
export const FILE_NAME = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';

export interface OwnedPatient {
  id: string;
  code: string;
  sessionId: string;
  filePath: string;
}

export interface DirectReadsFixture {
  bucket: string;
  admin: ClientUser;
  therapist: ClientUser;
  other: ClientUser;
  researcher: ClientUser;
  mine: OwnedPatient;
  theirs: OwnedPatient;
}

async function insertUser(db: Database, role: UserRole, first: string, last: string): Promise<ClientUser> {
  const email = `${first.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@clinic.test`;
  const { id } = await db.kysely
    .insertInto('auth.users')
    .values({ email })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('user_profiles')
    .values({ id, role, first_name: first, last_name: last })
    .execute();
  return { id, email, role };
}

async function insertPatient(db: Database, therapist: ClientUser, bucket: string): Promise<OwnedPatient> {
  const patient = await db.kysely
    .insertInto('patients')
    .values({ therapist_id: therapist.id })
    .returning(['id', 'patient_code'])
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('patient_medical_info')
    .values({
      patient_id: patient.id,
      first_name: 'Ada',
      last_name: `Patient ${patient.patient_code}`,
      date_of_birth: '1941-12-10',
      gender: 'female',
      height_cm: 170,
      weight_kg: 70,
      created_by: therapist.id,
    })
    .execute();
  const { rows } = await sql<{
    code: string;
  }>`select public.next_session_code(${patient.id}) as code`.execute(db.kysely);
  const filePath = `${bucket}/${patient.patient_code}/${FILE_NAME}`;
  const session = await db.kysely
    .insertInto('therapy_sessions')
    .values({
      session_code: rows[0]!.code,
      patient_id: patient.id,
      file_path: filePath,
      file_hash: patient.id.replace(/-/g, '').padEnd(64, '0'),
      file_size_bytes: 1000,
      processing_status: 'completed',
      game_metadata: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('performance_scores')
    .values({
      session_id: session.id,
      scoring_config_id: TRIAL_CONFIG,
      overall_score: 78.25,
      compliance_score: 61.5,
      symmetry_score: 90,
      effort_score: 100,
      game_score: null,
      weights_used: '{}',
    })
    .execute();
  return { id: patient.id, code: patient.patient_code, sessionId: session.id, filePath };
}

/** Two therapists with one patient each (PII, a completed session with its scores), an admin, a researcher. */
export async function seedDirectReads(db: Database, bucket = 'c3d-examples'): Promise<DirectReadsFixture> {
  const admin = await insertUser(db, 'admin', 'Alan', 'Admin');
  const therapist = await insertUser(db, 'therapist', 'Tess', 'Therapist');
  const other = await insertUser(db, 'therapist', 'Otto', 'Other');
  const researcher = await insertUser(db, 'researcher', 'Rita', 'Researcher');
  const mine = await insertPatient(db, therapist, bucket);
  const theirs = await insertPatient(db, other, bucket);
  return { bucket, admin, therapist, other, researcher, mine, theirs };
}
