import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor, ISO_TIMESTAMP, type CursorKey } from './cursor.js';

/**
 * Keyset helpers for lists ordered by a timestamp and then an id (users, scoring configurations,
 * notes). The cursor holds the timestamp at full precision (microseconds, UTC) and the id.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TimeIdKey {
  at: string;
  id: string;
}

export function decodeTimeIdCursor(cursor: string): TimeIdKey {
  const [at, id] = decodeCursor(cursor, 2, ([t, i]) => ISO_TIMESTAMP.test(t!) && UUID.test(i!));
  return { at: at!, id: id! };
}

/** The column as the cursor stores it: UTC, microseconds. */
export function utcText(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows after `key` in the order (time `timeDir`, id `idDir`). */
export function afterTimeId(
  timeColumn: string,
  idColumn: string,
  key: TimeIdKey,
  timeDir: 'asc' | 'desc',
  idDir: 'asc' | 'desc',
): RawBuilder<SqlBool> {
  const time = sql.ref(timeColumn);
  const id = sql.ref(idColumn);
  const at = sql`${key.at}::timestamptz`;
  const timeOp = sql.raw(timeDir === 'asc' ? '>' : '<');
  const idOp = sql.raw(idDir === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${time} ${timeOp} ${at} or (${time} = ${at} and ${id} ${idOp} ${key.id}::uuid))`;
}

/** The page (the first `limit` rows of limit + 1 fetched) and the cursor after its last row. */
export function keysetSlice<R>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => CursorKey,
): { rows: R[]; next_cursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, next_cursor: more && last ? encodeCursor(keyOf(last)) : null };
}
