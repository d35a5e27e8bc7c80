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

export function toMicrovolts(unit: string): { factor: number; unit: string } | null {
  const u = unit.trim();
  if (u === '' || u === 'V') return { factor: 1e6, unit: EDF_UNIT };
  if (u === 'mV') return { factor: 1e3, unit: EDF_UNIT };
  if (u === 'uV' || u === 'µV' || u === 'μV') return { factor: 1, unit: EDF_UNIT };
  return null;
}

export const UNKNOWN_REASONS = {
  EMGReference: 'The C3D recordings do not say where the reference electrode was placed.',
  EMGPlacementSchemeDescription:
    'The C3D recordings do not describe electrode placement; EMGPlacementScheme is therefore "Other".',
  PowerLineFrequency: 'The C3D recordings do not record the mains frequency of the site.',
  Manufacturer: 'The C3D recordings do not name the EMG amplifier manufacturer.',
  target_muscle: 'No channel-to-muscle mapping was given for the session.',
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

export function bidsSessionFiles(input: BidsSessionInput): BidsSessionOutput {
  assertEntities(input);
  const unknowns: Record<string, string> = {};
  const converted = input.channels.map((c) => {
    const to = toMicrovolts(c.unit);
    const factor = to?.factor ?? 1;
    const samples = factor === 1 ? c.samples : c.samples.map((v) => v * factor);
    return { ...c, samples, unit: to?.unit ?? c.unit };
  });
  const { bytes, layout } = writeEdf({
    patient: { code: `sub-${input.subject}` },
    start: input.start,
    equipment: input.softwareVersions,
    samplingRate: input.samplingRate,
    signals: converted.map((c) => ({ label: c.name, unit: c.unit, samples: c.samples })),
    annotations: [],
  });
  const samples = input.channels[0]?.samples.length ?? 0;
  const duration = samples / input.samplingRate;

  unknowns.EMGReference = UNKNOWN_REASONS.EMGReference;
  unknowns.EMGPlacementSchemeDescription = UNKNOWN_REASONS.EMGPlacementSchemeDescription;
  unknowns.PowerLineFrequency = UNKNOWN_REASONS.PowerLineFrequency;
  if (!input.manufacturer) unknowns.Manufacturer = UNKNOWN_REASONS.Manufacturer;
  if (converted.some((c) => !c.targetMuscle)) unknowns.target_muscle = UNKNOWN_REASONS.target_muscle;

  const sidecar: Record<string, unknown> = {
    TaskName: input.taskName,
    EMGPlacementScheme: 'Other',
    EMGPlacementSchemeDescription: 'n/a',
    EMGReference: 'n/a',
    SamplingFrequency: input.samplingRate,
    PowerLineFrequency: 'n/a',
    SoftwareFilters: 'n/a',
    RecordingType: 'continuous',
    RecordingDuration: duration,
    EMGChannelCount: converted.length,
    Manufacturer: input.manufacturer ?? 'n/a',
    ...(input.manufacturersModelName ? { ManufacturersModelName: input.manufacturersModelName } : {}),
    ...(input.softwareVersions ? { SoftwareVersions: input.softwareVersions } : {}),
  };
  const channels = toTsv(
    CHANNEL_COLUMNS,
    converted.map((c) => [
      c.name,
      'EMG',
      c.unit,
      'Raw surface EMG as recorded',
      input.samplingRate,
      c.targetMuscle ?? null,
      null,
      null,
      'good',
    ]),
  );
  const events = [...input.contractions]
    .sort((a, b) => a.startTimeMs - b.startTimeMs || a.channel.localeCompare(b.channel))
    .map((c) => [
      round6(c.startTimeMs / 1000),
      round6(c.durationMs / 1000),
      'contraction',
      c.channel,
      c.meetsMvc,
      c.meetsDuration,
      c.isGood,
      c.maxAmplitude,
      c.meanAmplitude,
    ]);
  const eventsSidecar = {
    onset: { Description: 'Start of the detected contraction from the start of the recording', Units: 's' },
    duration: { Description: 'Duration of the detected contraction', Units: 's' },
    trial_type: { Description: 'Always "contraction": one row per contraction the analysis detected' },
    channel: { Description: 'EMG channel the contraction was detected on (name in _channels.tsv)' },
    meets_mvc: { Description: 'Peak envelope amplitude reached the MVC threshold', Levels: bool },
    meets_duration: { Description: 'Lasted at least the duration threshold', Levels: bool },
    is_good: { Description: 'Counted as a good contraction (both criteria met)', Levels: bool },
    max_amplitude: { Description: 'Peak of the processed envelope during the contraction', Units: 'V' },
    mean_amplitude: { Description: 'Mean of the processed envelope during the contraction', Units: 'V' },
    GameMetadata: input.gameMetadata,
  };
  return {
    files: [
      { path: rawPath(input, 'emg.edf'), data: bytes },
      { path: rawPath(input, 'emg.json'), data: json(sidecar) },
      { path: rawPath(input, 'channels.tsv'), data: channels },
      { path: derivativePath(input, 'events.tsv'), data: toTsv(EVENT_COLUMNS, events) },
      { path: derivativePath(input, 'events.json'), data: json(eventsSidecar) },
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
