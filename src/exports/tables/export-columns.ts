/**
 * The three export tables (sessions, channels, contractions): column names, units and meaning.
 * The CSV headers, the JSON keys and the OpenAPI descriptions of the table DTOs all come from
 * here, so they cannot drift apart.
 */
export interface ExportColumn {
  /** CSV header and JSON key. */
  name: string;
  /** Physical unit, or null for counts, flags, text and identifiers. */
  unit: string | null;
  description: string;
}

const c = <N extends string>(
  name: N,
  unit: string | null,
  description: string,
): ExportColumn & { name: N } => ({
  name,
  unit,
  description,
});

export const SESSION_COLUMNS = [
  c('session_code', null, 'Session code (P###S###), or <pseudonym>S### in a pseudonymised export'),
  c('patient_code', null, 'Patient code (P###), or the per-export pseudonym p + 12 hex digits'),
  c('session_date', 'ISO 8601', 'Recording date-time (from the file, else the upload time)'),
  c('processed_at', 'ISO 8601', 'When the analysis finished'),
  c('file_name', null, 'Stored file name; empty in a pseudonymised export (names can carry dates and codes)'),
  c(
    'file_hash',
    null,
    'SHA-256 of the C3D file content; empty in a pseudonymised export (it would link exports)',
  ),
  c('game_name', null, 'Game that recorded the session (C3D INFO:GAME_NAME)'),
  c('game_level', null, 'Game level (C3D INFO:GAME_LEVEL)'),
  c('game_points_reported', 'points', 'Score the game wrote into the file (C3D SUBJECTS:GAME_SCORE)'),
  c('duration_seconds', 's', 'EMG recording duration (samples / sampling rate)'),
  c('overall_score', '%', 'Overall performance score, 0-100'),
  c('compliance_score', '%', 'Therapeutic compliance score, 0-100 (mean of the muscles)'),
  c('symmetry_score', '%', 'Bilateral symmetry score, 0-100'),
  c('effort_score', '%', 'Subjective effort score from the RPE, 0-100'),
  c('game_score', '%', 'Game performance score (points achieved / maximum), 0-100'),
  c('left_muscle_compliance', '%', 'Compliance of the left muscle (CH1), 0-100'),
  c('right_muscle_compliance', '%', 'Compliance of the right muscle (CH2), 0-100'),
  c('completion_rate_left', 'fraction', 'Contractions done / expected, left, 0-1'),
  c('completion_rate_right', 'fraction', 'Contractions done / expected, right, 0-1'),
  c('intensity_rate_left', 'fraction', 'Contractions reaching the MVC threshold / done, left, 0-1'),
  c('intensity_rate_right', 'fraction', 'Contractions reaching the MVC threshold / done, right, 0-1'),
  c('duration_rate_left', 'fraction', 'Contractions lasting the duration threshold / done, left, 0-1'),
  c('duration_rate_right', 'fraction', 'Contractions lasting the duration threshold / done, right, 0-1'),
  c('bfr_compliant', null, 'Blood-flow-restriction pressure within the safe range (true/false)'),
  c('bfr_pressure_aop', '% AOP', 'BFR cuff pressure as a percentage of arterial occlusion pressure'),
  c('rpe_post_session', 'Borg CR10', 'Rating of perceived exertion after the session, 0-10'),
  c('game_points_achieved', 'points', 'Game points achieved (as entered)'),
  c('game_points_max', 'points', 'Game points possible (as entered)'),
  c('scoring_config_id', null, 'Scoring configuration (weights) the scores were computed with'),
] as const;

export const CHANNEL_COLUMNS = [
  c('session_code', null, 'Session the channel belongs to (as in the sessions table)'),
  c('channel', null, 'EMG channel name (e.g. CH1)'),
  c(
    'target_muscle',
    null,
    "Muscle the channel recorded, from the session's channel-to-muscle mapping; empty when it names none",
  ),
  c('sampling_rate_hz', 'Hz', 'Analog sampling rate'),
  c('duration_seconds', 's', 'Channel duration'),
  c('processing_profile', null, 'Signal-processing profile the analysis used'),
  c('mvc_value', 'V', 'Maximum voluntary contraction estimate (envelope amplitude)'),
  c('mvc_threshold_percentage', '%', 'Share of the MVC a contraction must reach'),
  c('mvc75_threshold', 'V', 'Amplitude threshold = mvc_value x mvc_threshold_percentage / 100'),
  c('mvc_source', null, 'Where the MVC came from (user_provided, global_provided, backend_estimation)'),
  c('duration_threshold_ms', 'ms', 'Minimum duration of a counted contraction'),
  c('total_contractions', null, 'Contractions detected'),
  c('good_contractions', null, 'Contractions meeting both the MVC and the duration criteria'),
  c('mvc_compliant_contractions', null, 'Contractions reaching the MVC threshold'),
  c('duration_compliant_contractions', null, 'Contractions lasting the duration threshold'),
  c('compliance_rate', 'fraction', 'good_contractions / total_contractions, 0-1'),
  c('peak_amplitude_max', 'V', 'Largest contraction peak of the envelope'),
  c('peak_amplitude_mean', 'V', 'Mean contraction peak of the envelope'),
  c('mean_amplitude_mean', 'V', 'Mean of the contractions\u2019 mean envelope amplitude'),
  c('mean_contraction_duration_ms', 'ms', 'Mean contraction duration'),
  c('max_contraction_duration_ms', 'ms', 'Longest contraction'),
  c('total_time_under_tension_ms', 'ms', 'Sum of contraction durations'),
  c('rms', 'V', 'Root mean square of the raw signal'),
  c('mav', 'V', 'Mean absolute value of the raw signal'),
  c('mpf', 'Hz', 'Mean power frequency'),
  c('mdf', 'Hz', 'Median frequency'),
  c('fatigue_index', null, 'Dimitrov spectral fatigue index FInsm5 as the analysis computes it'),
  c('signal_quality_score', 'fraction', 'Signal quality, 0-1'),
] as const;

export const CONTRACTION_COLUMNS = [
  c('session_code', null, 'Session the contraction belongs to (as in the sessions table)'),
  c('channel', null, 'EMG channel name'),
  c('idx', null, 'Index of the contraction on its channel, from 0 in time order'),
  c('start_time_ms', 'ms', 'Start, from the start of the recording'),
  c('end_time_ms', 'ms', 'End, from the start of the recording'),
  c('duration_ms', 'ms', 'Duration'),
  c('start_sample', 'sample', 'First sample index'),
  c('end_sample', 'sample', 'Last sample index'),
  c('mean_amplitude', 'V', 'Mean envelope amplitude during the contraction'),
  c('max_amplitude', 'V', 'Peak envelope amplitude during the contraction'),
  c('meets_mvc', null, 'Peak reached the MVC threshold (true/false; empty when not evaluated)'),
  c('meets_duration', null, 'Lasted the duration threshold (true/false; empty when not evaluated)'),
  c('is_good', null, 'Counted as good (both criteria met)'),
] as const;

export type SessionColumn = (typeof SESSION_COLUMNS)[number]['name'];
export type ChannelColumn = (typeof CHANNEL_COLUMNS)[number]['name'];
export type ContractionColumn = (typeof CONTRACTION_COLUMNS)[number]['name'];

export type Cell = string | number | boolean | null;
export type SessionRecord = Record<SessionColumn, Cell>;
export type ChannelRecord = Record<ChannelColumn, Cell>;
export type ContractionRecord = Record<ContractionColumn, Cell>;

export const EXPORT_TABLES = {
  sessions: SESSION_COLUMNS,
  channels: CHANNEL_COLUMNS,
  contractions: CONTRACTION_COLUMNS,
} as const;
export type ExportTable = keyof typeof EXPORT_TABLES;

/** An OpenAPI description with the unit, from the table definition. */
export function describeColumn(table: ExportTable, name: string): string {
  const col = (EXPORT_TABLES[table] as readonly ExportColumn[]).find((x) => x.name === name);
  if (!col) throw new Error(`No column ${name} in the ${table} table`);
  return col.unit ? `${col.description} [${col.unit}]` : col.description;
}
