import { expect } from '@jest/globals';
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../src/infrastructure/database/database.js';
import { DbContext, type Tx } from '../../src/infrastructure/database/db-context.js';
import type { UserRole } from '../../src/infrastructure/database/database.types.js';

/**
 * What the original web client does through Supabase/PostgREST with the user's token (original-
 * spec 13), replayed as the SQL PostgREST runs for it: inside one transaction as the role
 * `authenticated` with the user's JWT claims in request.jwt.claims (DbContext.asUser does exactly
 * that), the statement wrapped in PostgREST's `WITH pgrst_source AS (...)` and json_agg body.
 * Every case rolls back, so the cases do not depend on one another.
 */

export const TRIAL_CONFIG = 'a0000000-0000-0000-0000-000000000001';
export const FILE_NAME = 'Ghostly_Emg_20230321_17-50-17-0881.c3d';
const SCORE_COLUMNS = ['overall_score', 'compliance_score', 'symmetry_score', 'effort_score', 'game_score'];

export interface ClientUser {
  id: string;
  email: string;
  role: UserRole;
}

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

/** PostgREST's response body for a statement: the json_agg of its rows. */
export interface Body<T = Record<string, unknown>> {
  page_total: number;
  body: T[];
}

class Rollback extends Error {}

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

/** Runs the work as the client's user would reach PostgREST, then rolls everything back. */
export async function asClient<T>(db: Database, user: ClientUser, work: (trx: Tx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  const claims = { email: user.email, aud: 'authenticated', role: 'authenticated', aal: 'aal1' };
  try {
    await new DbContext(db).asUser({ id: user.id, claims }, async (trx) => {
      result = await work(trx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

/** PostgREST's wrapping of a read or a write with RETURNING. */
export async function run<T = Record<string, unknown>>(
  trx: Tx,
  source: RawBuilder<unknown>,
): Promise<Body<T>> {
  const { rows } = await sql<{ page_total: number; body: T[] | string }>`
    WITH pgrst_source AS (${source})
    SELECT pg_catalog.count(_postgrest_t)::int AS page_total, coalesce(json_agg(_postgrest_t), '[]') AS body
    FROM (SELECT * FROM pgrst_source) _postgrest_t`.execute(trx);
  const row = rows[0]!;
  return { page_total: row.page_total, body: typeof row.body === 'string' ? JSON.parse(row.body) : row.body };
}

const cols = (alias: string, names: string[]) => sql.join(names.map((n) => sql.ref(`${alias}.${n}`)));

/** patients?select=*,patient_medical_info(first_name,last_name,...) (one-to-one: an object). */
export function patientsWithMedicalInfo(patientCode?: string): RawBuilder<unknown> {
  const info = ['first_name', 'last_name', 'date_of_birth', 'gender', 'bmi_value', 'bmi_status'];
  return sql`
    SELECT "public"."patients".*, row_to_json("patients_patient_medical_info_1".*)::jsonb AS "patient_medical_info"
    FROM "public"."patients"
    LEFT JOIN LATERAL (
      SELECT ${cols('patient_medical_info_1', info)}
      FROM "public"."patient_medical_info" AS "patient_medical_info_1"
      WHERE "patient_medical_info_1"."patient_id" = "public"."patients"."id"
      LIMIT 1 OFFSET 0
    ) AS "patients_patient_medical_info_1" ON TRUE
    WHERE ${patientCode === undefined ? sql`TRUE` : sql`"public"."patients"."patient_code" = ${patientCode}`}
    ORDER BY "public"."patients"."patient_code"`;
}

/**
 * therapy_sessions?select=*,performance_scores(overall_score,...)&file_path=in.(...), with the
 * paths the client builds from its Storage listing: `${bucket}/${object.name}`.
 */
export function sessionsWithScores(filePaths: string[]): RawBuilder<unknown> {
  return sql`
    SELECT "public"."therapy_sessions".*, row_to_json("therapy_sessions_performance_scores_1".*)::jsonb AS "performance_scores"
    FROM "public"."therapy_sessions"
    LEFT JOIN LATERAL (
      SELECT ${cols('performance_scores_1', SCORE_COLUMNS)}
      FROM "public"."performance_scores" AS "performance_scores_1"
      WHERE "performance_scores_1"."session_id" = "public"."therapy_sessions"."id"
      LIMIT 1 OFFSET 0
    ) AS "therapy_sessions_performance_scores_1" ON TRUE
    WHERE "public"."therapy_sessions"."file_path" IN (${sql.join(filePaths)})
    ORDER BY "public"."therapy_sessions"."file_path"`;
}

/** POST /rest/v1/<table> with Prefer: return=representation: json_populate_record of the body. */
export function insertRow(table: string, payload: Record<string, unknown>): RawBuilder<unknown> {
  const keys = Object.keys(payload);
  const t = sql.id('public', table);
  return sql`
    INSERT INTO ${t} (${sql.join(keys.map((k) => sql.id(k)))})
    SELECT ${sql.join(keys.map((k) => sql.ref(`pgrst_body.${k}`)))}
    FROM (SELECT ${JSON.stringify(payload)}::json AS json_data) pgrst_payload,
    LATERAL (
      SELECT ${sql.join(keys.map((k) => sql.id(k)))}
      FROM json_populate_record(null::${t}, pgrst_payload.json_data)
    ) pgrst_body
    RETURNING ${t}.*`;
}

/** PATCH /rest/v1/<table>?id=eq.<id>. */
export function updateRow(table: string, id: string, payload: Record<string, unknown>): RawBuilder<unknown> {
  const keys = Object.keys(payload);
  const t = sql.id('public', table);
  return sql`
    UPDATE ${t} SET ${sql.join(keys.map((k) => sql`${sql.id(k)} = ${sql.ref(`pgrst_body.${k}`)}`))}
    FROM (SELECT ${JSON.stringify(payload)}::json AS json_data) pgrst_payload,
    LATERAL (
      SELECT ${sql.join(keys.map((k) => sql.id(k)))}
      FROM json_populate_record(null::${t}, pgrst_payload.json_data)
    ) pgrst_body
    WHERE ${t}."id" = ${id}
    RETURNING ${t}.*`;
}

/** DELETE /rest/v1/<table>?id=eq.<id>. */
export function deleteRow(table: string, id: string): RawBuilder<unknown> {
  const t = sql.id('public', table);
  return sql`DELETE FROM ${t} WHERE ${t}."id" = ${id} RETURNING ${t}.*`;
}

/** GET /rest/v1/<table>?select=*[&column=eq.value...]. */
export function selectRows(table: string, where: Record<string, string> = {}): RawBuilder<unknown> {
  const t = sql.id('public', table);
  const conditions = Object.entries(where).map(([k, v]) => sql`${t}.${sql.id(k)} = ${v}`);
  return sql`SELECT ${t}.* FROM ${t} WHERE ${conditions.length ? sql.join(conditions, sql` AND `) : sql`TRUE`}`;
}

/** POST /rest/v1/rpc/get_users_with_emails. */
export function rpcUsersWithEmails(): RawBuilder<unknown> {
  return sql`SELECT pgrst_call.* FROM "public"."get_users_with_emails"() pgrst_call`;
}

/** The SQLSTATE a statement fails with (PostgREST answers 42501 with 403 for a signed-in user). */
export async function sqlStateOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

type Case = [string, (db: Database, fx: DirectReadsFixture) => Promise<void>];

/** The client's direct reads and writes (original-spec 13), as each role. */
export const DIRECT_READ_CASES: Case[] = [
  [
    'patients with embedded patient_medical_info: a therapist sees their own patient with PII',
    async (db, fx) => {
      const res = await asClient(db, fx.therapist, (trx) => run(trx, patientsWithMedicalInfo()));
      expect(res.body).toHaveLength(1);
      expect(res.body[0]).toMatchObject({
        patient_code: fx.mine.code,
        therapist_id: fx.therapist.id,
        patient_medical_info: {
          first_name: 'Ada',
          last_name: `Patient ${fx.mine.code}`,
          date_of_birth: '1941-12-10',
          bmi_status: 'normal',
        },
      });
      expect(Number((res.body[0]!.patient_medical_info as { bmi_value: number }).bmi_value)).toBeCloseTo(
        24.2,
        5,
      );
      const theirs = await asClient(db, fx.therapist, (trx) =>
        run(trx, patientsWithMedicalInfo(fx.theirs.code)),
      );
      expect(theirs.body).toEqual([]);
    },
  ],
  [
    'patients with embedded patient_medical_info: an admin sees all with PII, a researcher all without',
    async (db, fx) => {
      const admin = await asClient(db, fx.admin, (trx) => run(trx, patientsWithMedicalInfo()));
      const codes = admin.body.map((p) => p.patient_code);
      expect(codes).toEqual(expect.arrayContaining([fx.mine.code, fx.theirs.code]));
      expect(admin.body.every((p) => p.patient_medical_info !== null)).toBe(true);
      const researcher = await asClient(db, fx.researcher, (trx) => run(trx, patientsWithMedicalInfo()));
      expect(researcher.body.map((p) => p.patient_code)).toEqual(codes);
      expect(researcher.body.every((p) => p.patient_medical_info === null)).toBe(true);
    },
  ],
  [
    'therapy_sessions with embedded performance_scores, joined by the file paths the client lists',
    async (db, fx) => {
      // the client lists "<code>/<file>" in its bucket and asks for `${bucket}/${name}`
      const listed = [fx.mine, fx.theirs].map((p) => `${fx.bucket}/${p.code}/${FILE_NAME}`);
      const mine = await asClient(db, fx.therapist, (trx) => run(trx, sessionsWithScores(listed)));
      expect(mine.body).toHaveLength(1);
      expect(mine.body[0]).toMatchObject({
        file_path: fx.mine.filePath,
        processing_status: 'completed',
        performance_scores: {
          overall_score: 78.25,
          compliance_score: 61.5,
          symmetry_score: 90,
          effort_score: 100,
          game_score: null,
        },
      });
      const admin = await asClient(db, fx.admin, (trx) => run(trx, sessionsWithScores(listed)));
      expect(admin.body.map((s) => s.file_path)).toEqual([...listed].sort());
      const researcher = await asClient(db, fx.researcher, (trx) => run(trx, sessionsWithScores(listed)));
      expect(researcher.page_total).toBe(2);
    },
  ],
  [
    'the embedding has the foreign key PostgREST needs: performance_scores.session_id -> therapy_sessions',
    async (db) => {
      const { rows } = await sql<{ target: string; columns: string }>`
        select c.confrelid::regclass::text as target, a.attname as columns
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.contype = 'f' and c.conrelid = 'public.performance_scores'::regclass
          and c.confrelid = 'public.therapy_sessions'::regclass`.execute(db.kysely);
      expect(rows).toEqual([{ target: 'therapy_sessions', columns: 'session_id' }]);
    },
  ],
  [
    'clinical_notes CRUD as the client writes them: a file note keyed by file_path',
    async (db, fx) => {
      await asClient(db, fx.therapist, async (trx) => {
        // the client sends no author and no patient: both are filled in
        const created = await run(
          trx,
          insertRow('clinical_notes', {
            content: 'Good session',
            note_type: 'file',
            file_path: fx.mine.filePath,
          }),
        );
        expect(created.body[0]).toMatchObject({
          author_id: fx.therapist.id,
          patient_id: fx.mine.id,
          note_type: 'file',
          file_path: fx.mine.filePath,
          title: 'Note Clinique',
        });
        const id = created.body[0]!.id as string;
        const patientNote = await run(
          trx,
          insertRow('clinical_notes', {
            content: 'Patient note',
            note_type: 'patient',
            patient_id: fx.mine.id,
          }),
        );
        expect(patientNote.page_total).toBe(1);
        // getNotesCount: select count, author_id = me and file_path = the file
        const count = await run(
          trx,
          selectRows('clinical_notes', { author_id: fx.therapist.id, file_path: fx.mine.filePath }),
        );
        expect(count.page_total).toBe(1);
        const updated = await run(trx, updateRow('clinical_notes', id, { content: 'Very good session' }));
        expect(updated.body[0]).toMatchObject({ content: 'Very good session' });
        expect((await run(trx, deleteRow('clinical_notes', id))).page_total).toBe(1);
        expect((await run(trx, selectRows('clinical_notes', { id }))).page_total).toBe(0);
      });
    },
  ],
  [
    'clinical_notes: another therapist, a researcher and a forged author get nothing',
    async (db, fx) => {
      const note = await db.kysely
        .insertInto('clinical_notes')
        .values({ author_id: fx.therapist.id, note_type: 'file', file_path: fx.mine.filePath, content: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      try {
        for (const user of [fx.other, fx.researcher]) {
          await asClient(db, user, async (trx) => {
            expect((await run(trx, selectRows('clinical_notes', { id: note.id }))).page_total).toBe(0);
            expect((await run(trx, updateRow('clinical_notes', note.id, { content: 'y' }))).page_total).toBe(
              0,
            );
            expect((await run(trx, deleteRow('clinical_notes', note.id))).page_total).toBe(0);
          });
          const write = asClient(db, user, (trx) =>
            run(
              trx,
              insertRow('clinical_notes', { content: 'x', note_type: 'file', file_path: fx.mine.filePath }),
            ),
          );
          expect(await sqlStateOf(write)).toBe('42501');
        }
        const forged = asClient(db, fx.therapist, (trx) =>
          run(
            trx,
            insertRow('clinical_notes', {
              content: 'x',
              note_type: 'patient',
              patient_id: fx.mine.id,
              author_id: fx.other.id,
            }),
          ),
        );
        expect(await sqlStateOf(forged)).toBe('42501');
        const moved = asClient(db, fx.therapist, (trx) =>
          run(trx, updateRow('clinical_notes', note.id, { author_id: fx.other.id })),
        );
        expect(await sqlStateOf(moved)).toBe('42501');
        // an admin reads and edits every note
        const admin = await asClient(db, fx.admin, (trx) =>
          run(trx, updateRow('clinical_notes', note.id, { content: 'reviewed' })),
        );
        expect(admin.page_total).toBe(1);
      } finally {
        await db.kysely.deleteFrom('clinical_notes').where('id', '=', note.id).execute();
      }
    },
  ],
  [
    'user_profiles: a therapist reads their own row (with full_name), an admin every row',
    async (db, fx) => {
      const own = await asClient(db, fx.therapist, (trx) => run(trx, selectRows('user_profiles')));
      expect(own.body).toEqual([
        expect.objectContaining({ id: fx.therapist.id, role: 'therapist', full_name: 'Tess Therapist' }),
      ]);
      const all = await asClient(db, fx.admin, (trx) => run(trx, selectRows('user_profiles')));
      expect(all.body.map((p) => p.id)).toEqual(
        expect.arrayContaining([fx.admin.id, fx.therapist.id, fx.other.id, fx.researcher.id]),
      );
    },
  ],
  [
    'audit_log: an admin reads it and appends in their own name; a therapist neither',
    async (db, fx) => {
      const admin = await asClient(db, fx.admin, async (trx) => {
        const logged = await run(
          trx,
          insertRow('audit_log', {
            user_id: fx.admin.id,
            user_role: 'admin',
            action: 'view_user_list',
            table_name: 'user_profiles',
            changes: { source: 'admin dashboard' },
            created_at: new Date().toISOString(),
          }),
        );
        expect(logged.page_total).toBe(1);
        return run(trx, selectRows('audit_log', { table_name: 'patient_medical_info' }));
      });
      // the medical-info trigger audited both patients' PII
      expect(admin.page_total).toBeGreaterThanOrEqual(2);
      const therapist = await asClient(db, fx.therapist, (trx) => run(trx, selectRows('audit_log')));
      expect(therapist.page_total).toBe(0);
      const write = asClient(db, fx.therapist, (trx) =>
        run(trx, insertRow('audit_log', { user_id: fx.therapist.id, action: 'x', table_name: 'patients' })),
      );
      expect(await sqlStateOf(write)).toBe('42501');
    },
  ],
  [
    'scoring_configuration: everyone reads the trial default; only an admin edits it (trial configuration tab)',
    async (db, fx) => {
      for (const user of [fx.therapist, fx.researcher, fx.admin]) {
        const read = await asClient(db, user, (trx) =>
          run(trx, selectRows('scoring_configuration', { id: TRIAL_CONFIG })),
        );
        expect(read.body[0]).toMatchObject({ configuration_name: 'GHOSTLY-TRIAL-DEFAULT', active: true });
      }
      const weights = { weight_compliance: 0.4, weight_symmetry: 0.35 };
      const admin = await asClient(db, fx.admin, (trx) =>
        run(trx, updateRow('scoring_configuration', TRIAL_CONFIG, weights)),
      );
      expect(admin.body[0]).toMatchObject(weights);
      const therapist = await asClient(db, fx.therapist, (trx) =>
        run(trx, updateRow('scoring_configuration', TRIAL_CONFIG, weights)),
      );
      expect(therapist.page_total).toBe(0);
    },
  ],
  [
    'rpc/get_users_with_emails: an admin gets every user with e-mail; anyone else is refused',
    async (db, fx) => {
      const res = await asClient(db, fx.admin, (trx) => run(trx, rpcUsersWithEmails()));
      const therapist = res.body.find((u) => u.id === fx.therapist.id);
      expect(therapist).toEqual({
        id: fx.therapist.id,
        email: fx.therapist.email,
        role: 'therapist',
        first_name: 'Tess',
        last_name: 'Therapist',
        institution: null,
        department: null,
        access_level: 'basic',
        active: true,
        created_at: expect.any(String),
        last_sign_in_at: null,
        user_code: expect.stringMatching(/^T\d{3,}$/),
      });
      for (const user of [fx.therapist, fx.researcher]) {
        expect(await sqlStateOf(asClient(db, user, (trx) => run(trx, rpcUsersWithEmails())))).toBe('42501');
      }
    },
  ],
];
