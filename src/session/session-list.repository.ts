// The SQL of the sessions list (GET /sessions), behind SessionRepository.list: its filter, its
// order and keyset pagination over the list indexes of migrations/0012.
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../infrastructure/database/db-context.js';
import type {
  DB,
  ProcessingStatus,
  TherapySessionsTable,
} from '../infrastructure/database/database.types.js';
import { decodeCursor, encodeCursor, ISO_TIMESTAMP } from '../shared/pagination/cursor.js';
import { countRows } from '../shared/pagination/count-rows.js';
import type { PageRequest, RowsPage } from '../shared/pagination/page.dto.js';
import type { SessionRow } from './session.repository.js';

export interface SessionFilter {
  patientCode?: string;
  /**
   * Only sessions of this therapist's patients. RLS already limits a therapist to them; saying
   * so in the query lets the planner start from the therapist's patients (an index) instead of
   * walking every session in list order and dropping the others.
   */
  ownPatientsOf?: string;
  status?: ProcessingStatus;
  from?: Date;
  to?: Date;
}

/** The sessions' list order: session date, else upload time (CASE, not COALESCE: see 0012). */
const LISTED_AT = sql<Date>`(case when s.session_date is null then s.created_at else s.session_date end)`;
/** The sort key at full precision (microseconds), for the cursor. */
const LISTED_AT_TEXT = sql<string>`to_char(${LISTED_AT} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** The sessions' columns the list shows. */
const LIST_FIELDS = [
  'id',
  'session_code',
  'patient_id',
  'therapist_id',
  'processing_status',
  'file_path',
  'file_size_bytes',
  'session_date',
  'processed_at',
  'created_at',
] as const satisfies readonly (keyof SessionRow)[];
const LIST_COLUMNS = LIST_FIELDS.map((c) => `s.${c}` as const);
type ListDB = DB & { s: TherapySessionsTable };

function sessionCursor(cursor: string): { at: RawBuilder<Date>; code: string } {
  const [at, code] = decodeCursor(cursor, 2, ([t]) => ISO_TIMESTAMP.test(t!));
  return { at: sql<Date>`${at}::timestamptz`, code: code! };
}

export type SessionListRow = Pick<SessionRow, (typeof LIST_FIELDS)[number]> & {
  patient_code: string;
  listed_at: string;
};

/**
 * A page of sessions, newest first: session date (else upload time) desc, session_code desc.
 * Keyset pagination: the cursor is the last row's sort key and the next page is an index range
 * (therapy_sessions_list_idx and its per-patient and per-status variants, migrations/0012).
 * A therapist's own list is read patient by patient, each patient's newest sessions from the
 * per-patient index, so that its cost follows the therapist's patients and the page size, not
 * the table nor how the planner guesses the therapist's share of it.
 */
export async function listSessions(
  trx: Tx,
  filter: SessionFilter,
  page: PageRequest,
): Promise<RowsPage<SessionListRow>> {
  const after = page.cursor === undefined ? undefined : sessionCursor(page.cursor);
  const take = (page.cursor === undefined ? page.offset : 0) + page.limit + 1;
  const code = filter.patientCode?.toUpperCase();
  const where = (eb: ExpressionBuilder<ListDB, 's'>, keyset: boolean) => {
    const all: Expression<SqlBool>[] = [];
    if (filter.status) all.push(eb('s.processing_status', '=', filter.status));
    if (filter.from) all.push(eb(LISTED_AT, '>=', filter.from));
    if (filter.to) all.push(eb(LISTED_AT, '<=', filter.to));
    if (keyset && after) {
      // listed_at <= t first: a plain range the index answers; the OR only drops the ties.
      all.push(eb(LISTED_AT, '<=', after.at));
      all.push(eb.or([eb(LISTED_AT, '<', after.at), eb('s.session_code', '<', after.code)]));
    }
    return eb.and(all);
  };
  const patientsQuery = () => {
    let q = trx.selectFrom('patients as own');
    if (code) q = q.where('own.patient_code', '=', code);
    if (filter.ownPatientsOf) q = q.where('own.therapist_id', '=', filter.ownPatientsOf);
    return q;
  };
  const scoped = code !== undefined || filter.ownPatientsOf !== undefined;

  const filtered = filter.status !== undefined || filter.from !== undefined || filter.to !== undefined;
  const narrowed = filtered || after !== undefined;
  let counted = trx
    .selectFrom('therapy_sessions as s')
    .$if(filtered, (q) => q.where((eb) => where(eb, false)));
  if (scoped) counted = counted.where('s.patient_id', 'in', patientsQuery().select('own.id'));

  const rowsQuery = scoped
    ? patientsQuery()
        .innerJoinLateral(
          (eb) =>
            eb
              .selectFrom('therapy_sessions as s')
              .select(LIST_COLUMNS)
              .select(LISTED_AT.as('sort_at'))
              .select(LISTED_AT_TEXT.as('listed_at'))
              .whereRef('s.patient_id', '=', 'own.id')
              .$if(narrowed, (q) => q.where((inner) => where(inner, true)))
              .orderBy(LISTED_AT, 'desc')
              .orderBy('s.session_code', 'desc')
              .limit(take)
              .as('s'),
          (join) => join.onTrue(),
        )
        .select([...LIST_COLUMNS, 's.listed_at', 'own.patient_code'])
        .orderBy('s.sort_at', 'desc')
        .orderBy('s.session_code', 'desc')
    : trx
        .selectFrom('therapy_sessions as s')
        .$if(narrowed, (q) => q.where((eb) => where(eb, true)))
        .select(LIST_COLUMNS)
        .select(LISTED_AT_TEXT.as('listed_at'))
        // Visible with the session (the same policy decides both), looked up for the page only.
        .select(
          sql<string>`(select p.patient_code from public.patients p where p.id = s.patient_id)`.as(
            'patient_code',
          ),
        )
        .orderBy(LISTED_AT, 'desc')
        .orderBy('s.session_code', 'desc');

  const [rows, total] = await Promise.all([
    rowsQuery
      .limit(page.limit + 1)
      .offset(page.cursor === undefined ? page.offset : 0)
      .execute(),
    countRows(trx, counted, page.count),
  ]);
  const more = rows.length > page.limit;
  const pageRows: SessionListRow[] = more ? rows.slice(0, page.limit) : rows;
  const last = pageRows.at(-1);
  return {
    rows: pageRows,
    ...total,
    next_cursor: more && last ? encodeCursor([last.listed_at, last.session_code]) : null,
  };
}
