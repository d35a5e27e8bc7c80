/**
 * The files of one recording session in an EMG-BIDS dataset: the EDF+ data, its _emg.json and
 * _channels.tsv, and under derivatives/ the detected contractions as _events.tsv with the game
 * metadata in the events sidecar. Values the source does not hold are `n/a` and reported as
 * `unknowns`, which the dataset README explains; nothing is invented.
 */
import { writeEdf } from './edf/write-edf.js';
import { derivativePath, rawPath, assertEntities, type SessionEntities } from './names.js';
import { toTsv } from './tsv.js';

export interface BidsChannel {
  /** Channel name, also the EDF label (e.g. "CH1"). */
  name: string;
  /** The source unit: 'V' (also assumed when empty), 'mV', 'uV'/'µV'. */
  unit: string;
  samples: Float64Array;
  /** From the session's channel-to-muscle mapping when one was given. */
  targetMuscle?: string | null;
}

export interface BidsContraction {
  channel: string;
  startTimeMs: number;
  durationMs: number;
  meetsMvc: boolean | null;
  meetsDuration: boolean | null;
  isGood: boolean;
  /** Envelope amplitudes as the analysis stores them (source unit, normally V). */
  maxAmplitude: number | null;
  meanAmplitude: number | null;
}

export interface BidsSessionInput extends SessionEntities {
  taskName: string;
  samplingRate: number;
  /** Recording start as recorded (local clock time, stored as UTC fields); unknown -> undefined. */
  start?: Date;
  channels: BidsChannel[];
  contractions: BidsContraction[];
  /** Written as it is into the derivative events sidecar: strip personal fields before. */
  gameMetadata: Record<string, unknown>;
  manufacturer?: string;
  manufacturersModelName?: string;
  softwareVersions?: string;
}

export interface BidsFile {
  path: string;
  data: Uint8Array | string;
}

export interface BidsSessionOutput {
  files: BidsFile[];
  /** Sidecar fields written as n/a because the source does not hold them, with why. */
  unknowns: Record<string, string>;
  /** Samples appended to complete the last EDF data record. */
  edfPadding: number;
}

/** The unit written to EDF and channels.tsv: microvolts for V/mV/uV sources. */
export const EDF_UNIT = 'uV';

/** Largest |value| an unlabelled channel may hold to be taken as volts (EMG is millivolts). */
export const PLAUSIBLE_VOLTS = 10;

/**
 * How a channel is written: V/mV/uV sources in microvolts; a source without a unit in microvolts
 * too when its values are plausible volts (GHOSTLY files leave the unit empty and the analysis
 * reads volts), else as recorded with units n/a; any other unit as recorded, not as EMG.
 */
export function toMicrovolts(
  unit: string,
  samples?: Float64Array,
): { factor: number; unit: string; emg: boolean } {
  const u = unit.trim();
  if (u === 'V') return { factor: 1e6, unit: EDF_UNIT, emg: true };
  if (u === 'mV') return { factor: 1e3, unit: EDF_UNIT, emg: true };
  if (u === 'uV' || u === 'µV' || u === 'μV') return { factor: 1, unit: EDF_UNIT, emg: true };
  if (u === '') {
    let max = 0;
    for (const v of samples ?? []) max = Math.max(max, Math.abs(v));
    return max <= PLAUSIBLE_VOLTS
      ? { factor: 1e6, unit: EDF_UNIT, emg: true }
      : { factor: 1, unit: 'n/a', emg: true };
  }
  return { factor: 1, unit: u, emg: false };
}

export const UNKNOWN_REASONS = {
  EMGReference: 'The C3D recordings do not say where the reference electrode was placed.',
  EMGPlacementSchemeDescription:
    'The C3D recordings do not describe electrode placement; EMGPlacementScheme is therefore "Other".',
  PowerLineFrequency: 'The C3D recordings do not record the mains frequency of the site.',
  Manufacturer: 'The C3D recordings do not name the EMG amplifier manufacturer.',
  target_muscle: 'No channel-to-muscle mapping was given for the session.',
  units:
    'Some source channels have no analog unit and values beyond 10 V, so they cannot be volts: they are written as recorded.',
} as const;

const CHANNEL_COLUMNS = [
  'name',
  'type',
  'units',
  'description',
  'sampling_frequency',
  'target_muscle',
  'low_cutoff',
  'high_cutoff',
  'status',
] as const;

const EVENT_COLUMNS = [
  'onset',
  'duration',
  'trial_type',
  'channel',
  'meets_mvc',
  'meets_duration',
  'is_good',
  'max_amplitude',
  'mean_amplitude',
] as const;

/**
 * EDF labels for the channel names: printable ASCII, at most 16 characters, unique (a clipped
 * name that collides gets a number). channels.tsv uses the same names, as BIDS requires.
 */
export function edfLabels(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = Array.from(name.trim(), (ch) => (ch >= ' ' && ch <= '~' ? ch : '_')).join('') || 'EMG';
    let label = base.slice(0, 16).trimEnd();
    for (let n = 2; used.has(label); n++)
      label = `${base.slice(0, 16 - String(n).length - 1).trimEnd()}~${n}`;
    used.add(label);
    return label;
  });
}

interface WrittenChannel extends BidsChannel {
  /** The source name when the label differs. */
  source: string;
  emg: boolean;
}

function emgSidecar(input: BidsSessionInput, channels: WrittenChannel[], duration: number) {
  return {
    TaskName: input.taskName,
    EMGPlacementScheme: 'Other',
    EMGPlacementSchemeDescription: 'n/a',
    EMGReference: 'n/a',
    SamplingFrequency: input.samplingRate,
    PowerLineFrequency: 'n/a',
    SoftwareFilters: 'n/a',
    RecordingType: 'continuous',
    RecordingDuration: duration,
    EMGChannelCount: channels.filter((c) => c.emg).length,
    Manufacturer: input.manufacturer ?? 'n/a',
    ...(input.manufacturersModelName ? { ManufacturersModelName: input.manufacturersModelName } : {}),
    ...(input.softwareVersions ? { SoftwareVersions: input.softwareVersions } : {}),
  };
}

function channelsTsv(channels: WrittenChannel[], rate: number): string {
  return toTsv(
    CHANNEL_COLUMNS,
    channels.map((c) => [
      c.name,
      c.emg ? 'EMG' : 'MISC',
      c.unit,
      `${c.emg ? 'Raw surface EMG as recorded' : 'Analog channel as recorded'}${c.source !== c.name ? ` (source label: ${c.source})` : ''}`,
      rate,
      c.targetMuscle ?? null,
      null,
      null,
      'good',
    ]),
  );
}

function eventsTsv(contractions: BidsContraction[], labelOf: Map<string, string>): string {
  const rows = [...contractions]
    .sort((a, b) => a.startTimeMs - b.startTimeMs || a.channel.localeCompare(b.channel))
    .map((c) => [
      round6(c.startTimeMs / 1000),
      round6(c.durationMs / 1000),
      'contraction',
      labelOf.get(c.channel) ?? c.channel,
      c.meetsMvc,
      c.meetsDuration,
      c.isGood,
      c.maxAmplitude,
      c.meanAmplitude,
    ]);
  return toTsv(EVENT_COLUMNS, rows);
}

function eventsSidecar(gameMetadata: Record<string, unknown>) {
  return {
    onset: { Description: 'Start of the detected contraction from the start of the recording', Units: 's' },
    duration: { Description: 'Duration of the detected contraction', Units: 's' },
    trial_type: { Description: 'Always "contraction": one row per contraction the analysis detected' },
    channel: { Description: 'EMG channel the contraction was detected on (name in _channels.tsv)' },
    meets_mvc: { Description: 'Peak envelope amplitude reached the MVC threshold', Levels: bool },
    meets_duration: { Description: 'Lasted at least the duration threshold', Levels: bool },
    is_good: { Description: 'Counted as a good contraction (both criteria met)', Levels: bool },
    max_amplitude: { Description: 'Peak of the processed envelope during the contraction', Units: 'V' },
    mean_amplitude: { Description: 'Mean of the processed envelope during the contraction', Units: 'V' },
    GameMetadata: gameMetadata,
  };
}

export function bidsSessionFiles(input: BidsSessionInput): BidsSessionOutput {
  assertEntities(input);
  const unknowns: Record<string, string> = {
    EMGReference: UNKNOWN_REASONS.EMGReference,
    EMGPlacementSchemeDescription: UNKNOWN_REASONS.EMGPlacementSchemeDescription,
    PowerLineFrequency: UNKNOWN_REASONS.PowerLineFrequency,
  };
  const labels = edfLabels(input.channels.map((c) => c.name));
  const channels: WrittenChannel[] = input.channels.map((c, i) => {
    const to = toMicrovolts(c.unit, c.samples);
    const samples = to.factor === 1 ? c.samples : c.samples.map((v) => v * to.factor);
    if (to.unit === 'n/a') unknowns.units = UNKNOWN_REASONS.units;
    // A channel whose unit is not a voltage is written as it is and typed MISC, not EMG.
    return { ...c, name: labels[i]!, source: c.name, samples, unit: to.unit, emg: to.emg };
  });
  if (!input.manufacturer) unknowns.Manufacturer = UNKNOWN_REASONS.Manufacturer;
  if (channels.some((c) => c.emg && !c.targetMuscle)) unknowns.target_muscle = UNKNOWN_REASONS.target_muscle;
  const { bytes, layout } = writeEdf({
    patient: { code: `sub-${input.subject}` },
    start: input.start,
    equipment: input.softwareVersions,
    samplingRate: input.samplingRate,
    signals: channels.map((c) => ({
      label: c.name,
      unit: c.unit === 'n/a' ? '' : c.unit,
      samples: c.samples,
    })),
    annotations: [],
  });
  const duration = (input.channels[0]?.samples.length ?? 0) / input.samplingRate;
  const labelOf = new Map(input.channels.map((c, i) => [c.name, labels[i]!]));
  return {
    files: [
      { path: rawPath(input, 'emg.edf'), data: bytes },
      { path: rawPath(input, 'emg.json'), data: json(emgSidecar(input, channels, duration)) },
      { path: rawPath(input, 'channels.tsv'), data: channelsTsv(channels, input.samplingRate) },
      { path: derivativePath(input, 'events.tsv'), data: eventsTsv(input.contractions, labelOf) },
      { path: derivativePath(input, 'events.json'), data: json(eventsSidecar(input.gameMetadata)) },
    ],
    unknowns,
    edfPadding: layout.padding,
  };
}

const bool = { true: 'yes', false: 'no', 'n/a': 'not evaluated' };

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
