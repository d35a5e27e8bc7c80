import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../src/infrastructure/database/database.js';
import { DbContext, type Tx } from '../../src/infrastructure/database/db-context.js';
import type { UserRole } from '../../src/infrastructure/database/database.types.js';

/**
 * The SQL PostgREST runs for a Supabase client's request: inside one transaction as the role
 * `authenticated` with the user's JWT claims in request.jwt.claims (DbContext.asUser does exactly
 * that), the statement wrapped in PostgREST's `WITH pgrst_source AS (...)` and json_agg body.
 */

const SCORE_COLUMNS = ['overall_score', 'compliance_score', 'symmetry_score', 'effort_score', 'game_score'];

export interface ClientUser {
  id: string;
  email: string;
  role: UserRole;
}

/** PostgREST's response body for a statement: the json_agg of its rows. */
export interface Body<T = Record<string, unknown>> {
  page_total: number;
  body: T[];
}

class Rollback extends Error {}

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
