import type { ColumnType, JSONColumnType } from 'kysely';

/**
 * Column types that the catalog cannot state, imported by the generated database.types.ts
 * (scripts/generate-db-types.mjs names which column uses which). Import them from
 * database.types.ts, which re-exports them next to the table types.
 */

/** A jsonb column holding T: read as T, written as T or its JSON text; omitted = its default. */
export type Json<T extends object = Record<string, unknown>> = JSONColumnType<
  T,
  T | string | undefined,
  T | string
>;

/**
 * bigint: PGlite reads it as a number, and so does pg through the parser postgres-database.ts
 * sets; a driver without that parser returns a string, so callers convert explicitly.
 */
export type Int8 = ColumnType<number | string, number | string, number | string>;

/** A column the database fills (generated column, identity or trigger) and nobody writes. */
export type ReadOnly<T> = ColumnType<T, never, never>;

/** A column set at insert (or defaulted by the database) that a trigger keeps from changing. */
export type Immutable<T> = ColumnType<T, T | undefined, never>;

/**
 * clinical_notes.note_type: its values are checked together with session_id and file_path in
 * one CASE constraint, from which no single-column union can be read.
 */
export type ClinicalNoteType = 'patient' | 'session' | 'file';

/** therapy_sessions.subjective: the subjective inputs as stored (snake_case, the API's names). */
export interface SubjectiveData {
  rpe_post_session?: number | null;
  bfr_pressure_aop?: number | null;
  game_points_achieved?: number | null;
  game_points_max?: number | null;
}

/** therapy_sessions.channel_muscle_mapping: channel name -> muscle, e.g. {"CH1": "Left Quadriceps"}. */
export type ChannelMuscles = Record<string, string>;

/** scoring_configuration.rpe_mapping: {"0": {score, category, clinical}, ..., "10": {...}}. */
export type RpeMapping = Record<string, { score: number; category?: string; clinical?: string }>;
