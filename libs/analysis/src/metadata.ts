// Game metadata from the C3D parameters (original extract_game_metadata_from_c3d) with the
// original's two bugs fixed: duration_seconds is the EMG duration (samples / analog rate, not
// point frames / analog rate) and time is the full date-time, not just the year.
import { getParameter, type C3dFile } from '@app/c3d';

export interface GameMetadata {
  system?: string;
  event?: string;
  game_name?: string;
  level?: string;
  level_name?: string;
  version?: string;
  /** INFO:DURATION, the game's own duration in s. */
  duration?: number;
  therapist_id?: string;
  group_id?: string;
  /** Session date-time from INFO:TIME [year, month, day, hour, minute], ISO 8601 without zone. */
  time?: string;
  player_name?: string;
  game_score?: number;
  score?: number;
  marker_set?: string;
  sampling_rate?: number;
  channel_names: string[];
  channel_count: number;
  gen_scale?: number;
  /** POINT:FRAMES (game frames at the point rate). */
  frame_count?: number;
  point_rate?: number;
  data_type_labels?: string;
  /** Real EMG duration: analog samples per channel / analog rate. */
  duration_seconds: number;
  /**
   * What the reader had to work around in this file (e.g. `unfinalised`: the recording was cut
   * off and only its complete frames were read), so a result on partial data says so.
   */
  file_warnings: { code: string; message: string }[];
}

function first(file: C3dFile, group: string, name: string): string | number | undefined {
  return getParameter(file, group, name)?.values[0];
}

function str(file: C3dFile, group: string, name: string): string | undefined {
  const v = first(file, group, name);
  return v === undefined ? undefined : String(v);
}

function num(file: C3dFile, group: string, name: string): number | undefined {
  const v = first(file, group, name);
  const n = typeof v === 'number' ? v : v === undefined ? NaN : Number(String(v).trim());
  return Number.isFinite(n) ? n : undefined;
}

/** ['2023','3','21','17','50'] -> '2023-03-21T17:50:00'; partial or invalid values -> undefined. */
export function sessionDateTime(values: readonly (string | number)[] | undefined): string | undefined {
  if (!values || values.length < 3) return undefined;
  const [y, mo, d, h = 0, mi = 0] = values.map((v) => Number(String(v).trim()));
  const ok = (v: number | undefined, lo: number, hi: number) =>
    v !== undefined && Number.isInteger(v) && v >= lo && v <= hi;
  if (!ok(y, 1900, 2100) || !ok(mo, 1, 12) || !ok(d, 1, 31) || !ok(h, 0, 23) || !ok(mi, 0, 59))
    return undefined;
  const p = (v: number, n = 2) => String(v).padStart(n, '0');
  return `${p(y!, 4)}-${p(mo!)}-${p(d!)}T${p(h)}:${p(mi)}:00`;
}

export function extractGameMetadata(file: C3dFile): GameMetadata {
  const labels = file.analog.labels.map((l) => l.trim()).filter((l) => l.length > 0);
  const samples = file.analog.channels[0]?.length ?? 0;
  const rate = file.analog.rate;
  const gameScore = num(file, 'SUBJECTS', 'GAME_SCORE');
  const m: GameMetadata = {
    system: str(file, 'INFO', 'SYSTEM'),
    event: str(file, 'INFO', 'EVENT'),
    game_name: str(file, 'INFO', 'GAME_NAME'),
    level: str(file, 'INFO', 'GAME_LEVEL'),
    level_name: str(file, 'INFO', 'GAME_LEVEL_NAME'),
    version: str(file, 'INFO', 'VERSION'),
    duration: num(file, 'INFO', 'DURATION'),
    therapist_id: str(file, 'INFO', 'THERAPIST_ID'),
    group_id: str(file, 'INFO', 'GROUP_ID'),
    time: sessionDateTime(getParameter(file, 'INFO', 'TIME')?.values),
    player_name: str(file, 'SUBJECTS', 'PLAYER_NAME') ?? str(file, 'SUBJECTS', 'NAMES'),
    game_score: gameScore,
    score: gameScore,
    marker_set: str(file, 'SUBJECTS', 'MARKER_SET'),
    sampling_rate: rate,
    channel_names: labels,
    channel_count: labels.length,
    gen_scale: file.analog.genScale,
    frame_count: file.points.frames,
    point_rate: file.points.rate,
    data_type_labels: str(file, 'POINT', 'DATA_TYPE_LABELS'),
    duration_seconds: rate > 0 ? samples / rate : 0,
    file_warnings: file.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
  for (const k of Object.keys(m) as (keyof GameMetadata)[]) if (m[k] === undefined) delete m[k];
  return m;
}
