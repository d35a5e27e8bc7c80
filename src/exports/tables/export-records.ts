/**
 * Stored rows -> export table records (export-columns.ts). Amplitudes stay in the unit the
 * analysis stores (V) and are not rounded; a pseudonymised record carries no patient code, no
 * file name and none of the game's personal fields.
 */
import { PERSONAL_GAME_FIELDS } from '@app/bids';
import type { ChannelMuscles } from '../../infrastructure/database/database.types.js';
import type { ContractionRow, SessionExportRow, StatisticsRow } from '../export-data.repository.js';
import {
  CHANNEL_COLUMNS,
  CONTRACTION_COLUMNS,
  SESSION_COLUMNS,
  type Cell,
  type ChannelRecord,
  type ContractionRecord,
  type SessionRecord,
} from './export-columns.js';
import type { Pseudonymiser } from './pseudonymiser.js';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim().length > 0 ? v.trim() : typeof v === 'number' ? String(v) : null;

export function sessionLabel(row: SessionExportRow, p: Pseudonymiser): string {
  return p.session(row.patient_id, row.patient_code, row.session_code);
}

/**
 * A table record in column order: each column's value is taken from `derived` when it is there,
 * else from the row field of the same name (the compiler checks the row has every other column).
 */
function recordOf<C extends string, D extends Partial<Record<C, Cell>>>(
  columns: readonly { readonly name: C }[],
  derived: D,
  row: Record<Exclude<C, keyof D>, Cell>,
): Record<C, Cell> {
  const record = {} as Record<C, Cell>;
  const given = derived as Partial<Record<C, Cell>>;
  const stored = row as Record<C, Cell>;
  for (const { name } of columns) record[name] = name in given ? (given[name] as Cell) : stored[name];
  return record;
}

export function toSessionRecord(row: SessionExportRow, p: Pseudonymiser): SessionRecord {
  const meta = row.game_metadata as Record<string, unknown>;
  const derived = {
    session_code: sessionLabel(row, p),
    patient_code: p.patient(row.patient_id, row.patient_code),
    session_date: iso(row.session_date ?? row.created_at),
    processed_at: iso(row.processed_at),
    file_name: p.enabled ? null : (row.file_path.split('/').pop() ?? null),
    file_hash: p.enabled ? null : row.file_hash,
    game_name: text(meta.game_name),
    game_level: text(meta.level),
    game_points_reported: num(meta.game_score),
    duration_seconds: num(meta.duration_seconds),
  };
  return recordOf(SESSION_COLUMNS, derived, row);
}

export function toChannelRecord(
  s: StatisticsRow,
  sessionCode: string,
  muscles: ChannelMuscles | null,
): ChannelRecord {
  const derived = {
    session_code: sessionCode,
    channel: s.channel_name,
    target_muscle: muscles?.[s.channel_name] ?? null,
  };
  return recordOf(CHANNEL_COLUMNS, derived, s);
}

export function toContractionRecord(c: ContractionRow, sessionCode: string): ContractionRecord {
  return recordOf(CONTRACTION_COLUMNS, { session_code: sessionCode, channel: c.channel_name }, c);
}

/** The game metadata of the JSON export: personal fields dropped when pseudonymised. */
export function exportGameMetadata(row: SessionExportRow, p: Pseudonymiser): Record<string, unknown> {
  const meta = { ...(row.game_metadata as Record<string, unknown>) };
  if (p.enabled) for (const k of PERSONAL_GAME_FIELDS) delete meta[k];
  return meta;
}
