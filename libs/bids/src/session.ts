/**
 * The files of one recording session in an EMG-BIDS dataset: the EDF+ data, its _emg.json and
 * _channels.tsv, and under derivatives/ the detected contractions as _events.tsv with the game
 * metadata in the events sidecar. Values the source does not hold are `n/a` and reported as
 * `unknowns`, which the dataset README explains; nothing is invented.
 */
import { writeEdf } from './edf/write-edf.js';
import { derivativePath, rawPath, assertEntities, type SessionEntities } from './names.js';
import { channelsTsv, edfLabels, toMicrovolts, type WrittenChannel } from './session-channels.js';
import { eventsSidecar, eventsTsv } from './session-events.js';

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

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
