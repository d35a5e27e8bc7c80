/**
 * The tabular exports: one JSON document (sessions with their channels and contractions nested)
 * and the three CSV tables. Both are written page by page to a text output, so the size of an
 * export does not change the memory it needs.
 */
import { csvHeader, csvRow } from '../tables/csv.js';
import {
  CHANNEL_COLUMNS,
  CONTRACTION_COLUMNS,
  EXPORT_TABLES,
  SESSION_COLUMNS,
  type ExportColumn,
  type ExportTable,
} from '../tables/export-columns.js';
import {
  exportGameMetadata,
  sessionLabel,
  toChannelRecord,
  toContractionRecord,
  toSessionRecord,
} from '../tables/export-records.js';
import type { Pseudonymiser } from '../tables/pseudonymiser.js';
import type { ZipWriter } from '../artifact/zip-writer.js';
import type { ExportFormat } from '../dto/export-enums.js';
import { bySession, type ProgressFn, type SessionPage, type SessionPages } from './session-pages.js';

export type TextOut = (piece: string) => Promise<void>;

export interface ExportMeta {
  id: string;
  format: ExportFormat;
  scope: 'session' | 'patient' | 'cohort';
  pseudonymised: boolean;
  generated_at: string;
  service_version: string;
}

export interface TableCounts {
  sessions: number;
  channels: number;
  contractions: number;
}

/**
 * A page's sessions in their order (session code), each with the records of its channels and
 * contractions: the CSV tables list them in the sessions' order, as the JSON document nests them.
 */
function* recordsOf(page: SessionPage, p: Pseudonymiser) {
  const stats = bySession(page.statistics);
  const contractions = bySession(page.contractions);
  for (const row of page.sessions) {
    const code = sessionLabel(row, p);
    yield {
      row,
      channels: (stats.get(row.id) ?? []).map((s) => toChannelRecord(s, code, row.channel_muscle_mapping)),
      contractions: (contractions.get(row.id) ?? []).map((c) => toContractionRecord(c, code)),
    };
  }
}

const units = (cols: readonly ExportColumn[]) => Object.fromEntries(cols.map((c) => [c.name, c.unit]));

/** {"export": {...}, "sessions": [{...session, game_metadata, channels: [...], contractions: [...]}]} */
export async function writeJsonDocument(
  out: TextOut,
  pages: SessionPages,
  p: Pseudonymiser,
  meta: ExportMeta,
  progress?: ProgressFn,
): Promise<TableCounts> {
  const header = {
    ...meta,
    units: {
      sessions: units(SESSION_COLUMNS),
      channels: units(CHANNEL_COLUMNS),
      contractions: units(CONTRACTION_COLUMNS),
    },
  };
  await out(`{"export":${JSON.stringify(header)},"sessions":[`);
  const counts: TableCounts = { sessions: 0, channels: 0, contractions: 0 };
  for await (const page of pages({ statistics: true, contractions: true })) {
    const pieces: string[] = [];
    for (const { row, channels, contractions } of recordsOf(page, p)) {
      counts.channels += channels.length;
      counts.contractions += contractions.length;
      const doc = {
        ...toSessionRecord(row, p),
        game_metadata: exportGameMetadata(row, p),
        channels,
        contractions,
      };
      pieces.push((counts.sessions++ === 0 ? '' : ',') + JSON.stringify(doc));
    }
    await out(pieces.join(''));
    await progress?.(counts.sessions);
  }
  await out(']}\n');
  return counts;
}

/** One CSV table over every page. */
export async function writeCsvTable(
  out: TextOut,
  table: ExportTable,
  pages: SessionPages,
  p: Pseudonymiser,
  progress?: ProgressFn,
): Promise<number> {
  const cols = EXPORT_TABLES[table];
  await out(csvHeader(cols));
  let rows = 0;
  let sessions = 0;
  const wants = { statistics: table === 'channels', contractions: table === 'contractions' };
  for await (const page of pages(wants)) {
    const lines: string[] = [];
    for (const { row, channels, contractions } of recordsOf(page, p)) {
      if (table === 'sessions') lines.push(csvRow(cols, toSessionRecord(row, p)));
      for (const record of [...channels, ...contractions]) lines.push(csvRow(cols, record));
    }
    rows += lines.length;
    sessions += page.sessions.length;
    await out(lines.join(''));
    await progress?.(sessions);
  }
  return rows;
}

export function csvReadme(meta: ExportMeta): string {
  const lines = [
    `emg-c3d export ${meta.id} (${meta.scope}), generated ${meta.generated_at} by emg-c3d-service ${meta.service_version}.`,
    meta.pseudonymised
      ? 'Pseudonymised: patient codes are replaced by per-export pseudonyms; no names, file names or personal game fields.'
      : 'Not pseudonymised: patient codes and file names as stored.',
    'CSV: RFC 4180, comma-separated, CRLF line ends, UTF-8; empty field = no value. Numbers are the stored values, unrounded.',
    '',
  ];
  for (const [table, cols] of Object.entries(EXPORT_TABLES)) {
    lines.push(`${table}.csv`);
    for (const c of cols) lines.push(`  ${c.name}${c.unit ? ` [${c.unit}]` : ''}: ${c.description}`);
    lines.push('');
  }
  return lines.join('\r\n');
}

/** sessions.csv, channels.csv, contractions.csv and README.txt, one table after the other. */
export async function writeCsvZip(
  zip: ZipWriter,
  pages: SessionPages,
  p: Pseudonymiser,
  meta: ExportMeta,
  progress?: (pass: number, done: number) => Promise<void>,
): Promise<TableCounts> {
  const counts: TableCounts = { sessions: 0, channels: 0, contractions: 0 };
  const tables: ExportTable[] = ['sessions', 'channels', 'contractions'];
  for (const [i, table] of tables.entries()) {
    const write = zip.entry(`${table}.csv`);
    counts[table] = await writeCsvTable(
      (s) => write(s),
      table,
      pages,
      p,
      (done) => progress?.(i, done) ?? Promise.resolve(),
    );
    await write(null);
  }
  await zip.file('README.txt', csvReadme(meta));
  return counts;
}
