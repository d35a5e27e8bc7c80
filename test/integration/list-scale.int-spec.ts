import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DbContext, type DbCaller } from '../../src/infrastructure/database/db-context.js';
import type { Database } from '../../src/infrastructure/database/database.js';
import type { DB } from '../../src/infrastructure/database/database.types.js';
import { PatientRepository } from '../../src/patient/patient.repository.js';
import { SessionRepository, type SessionFilter } from '../../src/session/session.repository.js';
import { countRows } from '../../src/shared/pagination/count-rows.js';
import { pageRequest, PageQueryDto } from '../../src/shared/pagination/page.dto.js';
import { createTestPostgres, type TestPostgres } from '../support/postgres.js';

// The lists at a small scale on real PostgreSQL: 6,000 sessions over 20 therapists. The plans
// must read only the caller's rows (no other therapist's session is fetched and dropped), the
// cursor condition must be an index condition, and cursor pages must stay stable under inserts.
const THERAPISTS = 20;
const PATIENTS = 100;
const SESSIONS = 6_000;
const therapistId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const ADMIN = '00000000-0000-4000-8000-0000000aaaaa';
const caller = (id: string): DbCaller => ({ id, claims: { sub: id, role: 'authenticated' } });

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('lists at scale on PostgreSQL', () => {
  let pgdb: TestPostgres;
  let logged: Kysely<DB>;
  const captured: CompiledQuery[] = [];
  let context: DbContext;
  const sessions = new SessionRepository();
  const patients = new PatientRepository();
  let insertSerial = SESSIONS;

  async function insertSessions(lo: number, hi: number): Promise<void> {
    await sql`
      insert into public.therapy_sessions (session_code, patient_id, file_path, file_hash, file_size_bytes,
        processing_status, session_date, created_at)
      select p.patient_code || 'S' || lpad((1 + i / ${PATIENTS}::int)::text, 3, '0'), p.id,
        'c3d-examples/' || p.patient_code || '/s' || i || '.c3d', encode(sha256(i::text::bytea), 'hex'), 1000 + i,
        'completed',
        case when i % 7 = 0 then null else timestamptz '2024-01-01' + (i::bigint * 7919 % 1000000) * interval '1 minute' end,
        timestamptz '2026-01-01' + i * interval '1 minute'
      from generate_series(${lo}::int, ${hi - 1}::int) i
      join public.patients p on p.patient_code = 'P' || (1000 + i % ${PATIENTS}::int)`.execute(
      pgdb.database.kysely,
    );
  }

  /** The list query the repository sends for `who`, explained with ANALYZE as `who`. */
  async function explainList(who: string, filter: SessionFilter, query: Partial<PageQueryDto> = {}) {
    captured.length = 0;
    const page = pageRequest(Object.assign(new PageQueryDto(), { count: 'none' }, query));
    await context.asUser(caller(who), (trx) => sessions.list(trx, filter, page));
    const list = captured.find((q) => q.sql.includes('order by'))!;
    const { rows } = await context.asUser(caller(who), (trx) =>
      trx.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        CompiledQuery.raw(`explain (analyze, format json) ${list.sql}`, [...list.parameters]),
      ),
    );
    return { sql: list.sql, all: nodes(rows[0]!['QUERY PLAN'][0]!.Plan) };
  }

  /** Rows of therapy_sessions the plan fetched, whether kept or dropped by a filter. */
  const sessionRowsRead = (all: PlanNode[]) =>
    all
      .filter((n) => n['Relation Name'] === 'therapy_sessions')
      .reduce(
        (sum, n) =>
          sum +
          (n['Actual Rows'] +
            (n['Rows Removed by Filter'] ?? 0) +
            (n['Rows Removed by Index Recheck'] ?? 0)) *
            n['Actual Loops'],
        0,
      );

  beforeAll(async () => {
    pgdb = await createTestPostgres();
    const db = pgdb.database.kysely;
    await sql`
      insert into auth.users (id, email)
      select ('00000000-0000-4000-8000-' || lpad(to_hex(t), 12, '0'))::uuid, 't' || t || '@list.test'
      from generate_series(1, ${THERAPISTS}::int) t`.execute(db);
    await sql`
      insert into public.user_profiles (id, role)
      select ('00000000-0000-4000-8000-' || lpad(to_hex(t), 12, '0'))::uuid, 'therapist'
      from generate_series(1, ${THERAPISTS}::int) t`.execute(db);
    await sql`insert into auth.users (id, email) values (${ADMIN}::uuid, 'admin@list.test')`.execute(db);
    await sql`insert into public.user_profiles (id, role) values (${ADMIN}::uuid, 'admin')`.execute(db);
    await sql`
      insert into public.patients (patient_code, therapist_id)
      select 'P' || (1000 + i), ('00000000-0000-4000-8000-' || lpad(to_hex(1 + i % ${THERAPISTS}::int), 12, '0'))::uuid
      from generate_series(0, ${PATIENTS - 1}::int) i`.execute(db);
    await insertSessions(0, SESSIONS);
    await sql`vacuum analyze`.execute(db);
    const pool = new pg.Pool({ connectionString: pgdb.url, max: 2 });
    logged = new Kysely<DB>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === 'query') captured.push(event.query);
      },
    });
    context = new DbContext({ kysely: logged } as unknown as Database);
  }, 120_000);
  afterAll(async () => {
    await logged.destroy();
    await pgdb.drop();
  });

  it("reads only the therapist's own sessions for their first page (no per-row helper, no scan of others')", async () => {
    const { all } = await explainList(therapistId(1), { ownPatientsOf: therapistId(1) });
    const own = SESSIONS / THERAPISTS;
    expect(all.some((n) => n['Index Name'] === 'therapy_sessions_patient_list_idx')).toBe(true);
    expect(all.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'therapy_sessions')).toBe(
      false,
    );
    expect(JSON.stringify(all)).not.toMatch(/can_read_(patient|session)/);
    // Each of their 5 patients gives at most a page and one: not the 300 they own, nor others'.
    expect(sessionRowsRead(all)).toBeLessThanOrEqual(Math.min(own, (PATIENTS / THERAPISTS) * 21));
  });

  it('answers an admin page after a deep cursor by an index range, not by walking to it', async () => {
    const page = pageRequest(Object.assign(new PageQueryDto(), { limit: 50, count: 'none' }));
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const res = await context.asUser(caller(ADMIN), (trx) => sessions.list(trx, {}, { ...page, cursor }));
      cursor = res.next_cursor!;
    }
    const { all } = await explainList(ADMIN, {}, { cursor, limit: 50 });
    const scan = all.find((n) => n['Index Name'] === 'therapy_sessions_list_idx');
    expect(scan?.['Index Cond']).toMatch(/CASE WHEN/);
    // 51 rows fetched (a page and one to know there is more), a few ties dropped at most.
    expect(sessionRowsRead(all)).toBeLessThan(60);
  });

  it('keeps cursor pages stable while sessions are inserted between them', async () => {
    const who = caller(therapistId(2));
    const filter = { ownPatientsOf: therapistId(2) };
    const existing = await context.asUser(who, (trx) =>
      trx.selectFrom('therapy_sessions').select('session_code').execute(),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = pageRequest(Object.assign(new PageQueryDto(), { limit: 25, cursor }));
      const res = await context.asUser(who, (trx) => sessions.list(trx, filter, page));
      seen.push(...res.rows.map((r) => r.session_code));
      cursor = res.next_cursor ?? undefined;
      // Sessions of every therapist arrive meanwhile, dated anywhere in the list's range.
      await insertSessions(insertSerial, insertSerial + 40);
      insertSerial += 40;
      pages += 1;
    } while (cursor && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(existing.map((r) => r.session_code)));
    expect(seen.length).toBeGreaterThan(existing.length); // some later arrivals landed ahead of the cursor
  });

  it('lists a therapist’s patients from the therapist index, and pages them by code', async () => {
    const who = caller(therapistId(3));
    const codes: string[] = [];
    let cursor: string | undefined;
    do {
      const page = pageRequest(Object.assign(new PageQueryDto(), { limit: 2, cursor }));
      const res = await context.asUser(who, (trx) =>
        patients.list(trx, { ownPatientsOf: therapistId(3) }, page),
      );
      codes.push(...res.rows.map((r) => r.patient_code));
      cursor = res.next_cursor ?? undefined;
    } while (cursor);
    expect(codes).toHaveLength(PATIENTS / THERAPISTS);
    expect(codes).toEqual([...codes].sort());
  });

  it('estimates a count beyond the exact limit and counts exactly below it', async () => {
    const query = (trx: Parameters<Parameters<DbContext['asUser']>[1]>[0]) =>
      trx.selectFrom('therapy_sessions');
    const small = await context.asUser(caller(therapistId(4)), (trx) =>
      countRows(trx, query(trx), 'estimated', 1000),
    );
    expect(small.count).toBe('exact');
    const large = await context.asUser(caller(ADMIN), (trx) => countRows(trx, query(trx), 'estimated', 1000));
    expect(large.count).toBe('estimated');
    expect(large.total).toBeGreaterThan(1000);
    const exact = await context.asUser(caller(ADMIN), (trx) => countRows(trx, query(trx), 'exact'));
    expect(exact).toEqual({ total: insertSerial, count: 'exact' });
  });
});
