/**
 * The channels of a BIDS session: their EDF labels, the unit each is written in, and
 * _channels.tsv. EMG is written in microvolts; a channel that is not a voltage goes as recorded
 * and is typed MISC.
 */
import type { BidsChannel } from './session.js';
import { toTsv } from './tsv.js';

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

/** A channel as written: its EDF label as name, its samples in the written unit. */
export interface WrittenChannel extends BidsChannel {
  /** The source name when the label differs. */
  source: string;
  emg: boolean;
}

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

export function channelsTsv(channels: WrittenChannel[], rate: number): string {
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
