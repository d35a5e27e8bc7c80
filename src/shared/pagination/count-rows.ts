import { sql, type QueryExecutorProvider, type SelectQueryBuilder } from 'kysely';
import { EXACT_COUNT_LIMIT, type CountMode } from './page.dto.js';

/**
 * Counts the rows of a list query (its FROM and WHERE, any select) the way the caller asked:
 * exact, estimated (exact up to `exactLimit` rows, so a small list is never an estimate;
 * beyond, the planner's row estimate for the full query) or not at all. Runs in the caller's
 * transaction, so row-level security applies to the count as to the page.
 */
export async function countRows<DB, TB extends keyof DB, O>(
  db: QueryExecutorProvider,
  query: SelectQueryBuilder<DB, TB, O>,
  mode: CountMode,
  exactLimit = EXACT_COUNT_LIMIT,
): Promise<{ total: number | null; count: CountMode }> {
  if (mode === 'none') return { total: null, count: 'none' };
  const inner = query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`1`.as('one'));
  if (mode === 'exact') {
    const { rows } = await sql<{
      n: string | number;
    }>`select count(*) as n from (${inner}) as counted`.execute(db);
    return { total: Number(rows[0]!.n), count: 'exact' };
  }
  const { rows } = await sql<{
    n: string | number;
  }>`select count(*) as n from (${inner.limit(exactLimit + 1)}) as counted`.execute(db);
  const capped = Number(rows[0]!.n);
  if (capped <= exactLimit) return { total: capped, count: 'exact' };
  const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${inner}`.execute(db);
  const estimate = planRows(plan.rows[0]?.['QUERY PLAN']);
  // The planner may guess low under RLS; never below what was just counted.
  return { total: Math.max(capped, estimate ?? 0), count: 'estimated' };
}

function planRows(json: unknown): number | undefined {
  const doc = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan?: { 'Plan Rows'?: number } }[];
  const rows = doc[0]?.Plan?.['Plan Rows'];
  return typeof rows === 'number' ? Math.round(rows) : undefined;
}
