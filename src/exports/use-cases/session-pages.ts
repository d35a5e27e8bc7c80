import type { ContractionRow, SessionExportRow, StatisticsRow } from '../export-data.repository.js';

/** One keyset page of sessions with, when asked for, their statistics and contractions. */
export interface SessionPage {
  sessions: SessionExportRow[];
  statistics: StatisticsRow[];
  contractions: ContractionRow[];
}

export interface PageWants {
  statistics: boolean;
  contractions: boolean;
}

/** Restartable: each call walks the sessions from the first (CSV writes its tables in turn). */
export type SessionPages = (wants: PageWants) => AsyncIterable<SessionPage>;

/** Rows of a page grouped by session id, in the page's order. */
export function bySession<T extends { session_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.session_id);
    if (list) list.push(r);
    else out.set(r.session_id, [r]);
  }
  return out;
}

/** Progress of an export in sessions done; `total` counts every pass over the sessions. */
export type ProgressFn = (done: number) => Promise<void>;
