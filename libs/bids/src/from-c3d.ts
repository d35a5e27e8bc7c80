/**
 * A session's BIDS input from a read C3D file: its raw EMG channels (the "<name> Raw" channel,
 * else "<name>", as the analysis picks them), rate, start time and software, and the game
 * metadata without personal fields. Contractions come from the caller (stored or analysed).
 */
import { extractEmgChannels, extractGameMetadata, type AnalysisReport } from '@app/analysis';
import { getParameter, type C3dFile } from '@app/c3d';
import { toBidsLabel } from './names.js';
import type { BidsContraction, BidsSessionInput } from './session.js';

/** Fields a BIDS dataset never carries: the game writes a player's name; a therapist's id is staff data. */
export const PERSONAL_GAME_FIELDS = ['player_name', 'therapist_id'] as const;

export function publicGameMetadata(meta: Record<string, unknown>): Record<string, unknown> {
  const out = { ...meta };
  for (const k of PERSONAL_GAME_FIELDS) delete out[k];
  return out;
}

export interface FromC3dOptions {
  subject: string;
  session: string;
  contractions: BidsContraction[];
  /** Channel name -> target muscle, when the session had a mapping. */
  muscles?: Record<string, string | null | undefined> | null;
}

function param(file: C3dFile, group: string, name: string): string | undefined {
  const v = getParameter(file, group, name)?.values[0];
  const s = v === undefined ? '' : String(v).trim();
  return s.length > 0 ? s : undefined;
}

export function bidsInputFromC3d(file: C3dFile, options: FromC3dOptions): BidsSessionInput {
  const { fs, channels } = extractEmgChannels(file);
  const meta = extractGameMetadata(file);
  const labels = file.analog.labels.map((l) => l.trim());
  const unitOf = (name: string) => {
    const i = labels.indexOf(`${name} Raw`) >= 0 ? labels.indexOf(`${name} Raw`) : labels.indexOf(name);
    return i >= 0 ? (file.analog.units[i] ?? '').trim() : '';
  };
  const company = param(file, 'MANUFACTURER', 'COMPANY');
  const software = param(file, 'MANUFACTURER', 'SOFTWARE') ?? meta.version ?? meta.system;
  const start = meta.time ? new Date(`${meta.time}Z`) : undefined;
  return {
    subject: options.subject,
    session: options.session,
    task: toBidsLabel(meta.game_name, 'recording').toLowerCase(),
    taskName: meta.game_name?.trim() || 'recording',
    samplingRate: fs,
    start,
    channels: channels.map((c) => ({
      name: c.name,
      unit: unitOf(c.name),
      samples: c.raw,
      targetMuscle: options.muscles?.[c.name] ?? null,
    })),
    contractions: options.contractions,
    gameMetadata: publicGameMetadata(meta as unknown as Record<string, unknown>),
    ...(company ? { manufacturer: company } : {}),
    ...(software ? { softwareVersions: software } : {}),
  };
}

/** A contraction's fields as the analysis reports them and the contractions table stores them. */
export interface StoredContraction {
  start_time_ms: number;
  duration_ms: number;
  meets_mvc: boolean | null;
  meets_duration: boolean | null;
  is_good: boolean;
  max_amplitude: number | null;
  mean_amplitude: number | null;
}

/** One contraction of a channel as a BIDS event. */
export function bidsContraction(channel: string, c: StoredContraction): BidsContraction {
  return {
    channel,
    startTimeMs: c.start_time_ms,
    durationMs: c.duration_ms,
    meetsMvc: c.meets_mvc,
    meetsDuration: c.meets_duration,
    isGood: c.is_good,
    maxAmplitude: c.max_amplitude,
    meanAmplitude: c.mean_amplitude,
  };
}

/** The detected contractions of an analysis, per channel, as BIDS events. */
export function contractionsFromReport(report: AnalysisReport): BidsContraction[] {
  return Object.entries(report.analytics).flatMap(([channel, a]) =>
    a.contractions.map((c) => bidsContraction(channel, c)),
  );
}
