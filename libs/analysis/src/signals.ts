// The EMG signals of a C3D as the original's `emg_signals` map, at full
// resolution: one entry per name of `available_channels`.
//   "<label>"            the C3D channel: data, rms_envelope = moving RMS of |data| over 50 ms
//   "<label> Raw"        the same arrays again, for labels that do not end in " Raw"
//   "<base> Raw"         also carries processed_data = the profile's processed envelope
//   "<base> Processed"   data = rms_envelope = the processed envelope (seniam-v1: the linear
//                        envelope of the band-passed signal, on which it measures contractions)
import type { C3dFile } from '@app/c3d';
import {
  bandpass,
  computeEnvelope,
  getProcessingProfile,
  linearEnvelope,
  movingRms,
  type ProcessingProfile,
} from '@app/emg';
import { extractEmgChannels } from './channels.js';
import { pick, strideExtremaIndices } from './signal-downsample.js';

export interface SignalEntry {
  data: Float64Array;
  rmsEnvelope: Float64Array | null;
  processedData: Float64Array | null;
}

export interface EmgSignalSet {
  samplingRate: number;
  /** Samples per channel (the longest entry). */
  samples: number;
  /** Keyed by channel name, in available_channels order. */
  entries: Map<string, SignalEntry>;
}

/**
 * The envelope the profile's analysis measures contractions on: ghostly-v1's processed envelope,
 * or seniam-v1's linear envelope of the band-passed signal.
 */
function processedEnvelope(raw: Float64Array, fs: number, profile: ProcessingProfile): Float64Array | null {
  try {
    if (profile.seniam) {
      const p = profile.seniam;
      return linearEnvelope(bandpass(raw, fs, p.bandpass), fs, p.envelope);
    }
    return computeEnvelope(raw, fs, profile.envelope).envelope;
  } catch (e) {
    // too short to filter: the channel has no processed envelope (and no analytics)
    if (e instanceof RangeError) return null;
    throw e;
  }
}

export function buildEmgSignals(file: C3dFile, profileName?: string): EmgSignalSet {
  const profile = getProcessingProfile(profileName);
  const { fs, channels, availableChannels } = extractEmgChannels(file);
  // the display envelope's window, int(0.050 x fs) samples in ghostly-v1
  const window = Math.max(1, Math.floor((profile.displayRmsWindowMs / 1000) * fs));
  const byLabel = new Map<string, SignalEntry>();
  file.analog.channels.forEach((data, i) => {
    const label = file.analog.labels[i]?.trim() || `CH${i + 1}`;
    if (data.length === 0 || byLabel.has(label)) return;
    byLabel.set(label, { data, rmsEnvelope: movingRms(data, window), processedData: null });
  });
  const entries = new Map<string, SignalEntry>();
  for (const name of availableChannels) {
    const own = byLabel.get(name) ?? byLabel.get(name.replace(/ Raw$/, ''));
    if (own) entries.set(name, { ...own });
  }
  for (const ch of channels) {
    const envelope = processedEnvelope(ch.raw, fs, profile);
    if (!envelope) continue;
    const rawEntry = entries.get(`${ch.name} Raw`);
    if (rawEntry) rawEntry.processedData = envelope;
    entries.set(`${ch.name} Processed`, { data: envelope, rmsEnvelope: envelope, processedData: null });
  }
  let samples = 0;
  for (const e of entries.values()) samples = Math.max(samples, e.data.length);
  return { samplingRate: fs, samples, entries };
}

/** One `emg_signals` entry as JSON: every array is read on `time_axis`, index by index. */
export interface SignalJson {
  sampling_rate: number;
  /** Samples of the full-resolution signal. */
  samples: number;
  /** Seconds of each point. */
  time_axis: number[];
  data: number[];
  rms_envelope: number[] | null;
  processed_data: number[] | null;
  /** Kept for the original's clients; always null (the activated channel is its own entry). */
  activated_data: null;
}

/**
 * One entry, min/max-downsampled to at most `maxPoints` points (0 = full resolution), after
 * keeping every `stride`-th sample when stride > 1; all its arrays share the returned time axis.
 */
export function signalEntryJson(
  entry: SignalEntry,
  samplingRate: number,
  maxPoints: number,
  stride = 1,
): SignalJson {
  const arrays = [entry.data, entry.rmsEnvelope, entry.processedData].filter(
    (a): a is Float64Array => a !== null,
  );
  const index = strideExtremaIndices(arrays, entry.data.length, stride, maxPoints);
  const time = new Array<number>(index.length);
  for (let k = 0; k < index.length; k++) time[k] = index[k]! / samplingRate;
  return {
    sampling_rate: samplingRate,
    samples: entry.data.length,
    time_axis: time,
    data: pick(entry.data, index),
    rms_envelope: entry.rmsEnvelope ? pick(entry.rmsEnvelope, index) : null,
    processed_data: entry.processedData ? pick(entry.processedData, index) : null,
    activated_data: null,
  };
}

/** The whole `emg_signals` map, each entry downsampled to at most `maxPoints` (0 = full). */
export function emgSignalsJson(set: EmgSignalSet, maxPoints: number): Record<string, SignalJson> {
  const out: Record<string, SignalJson> = {};
  for (const [name, entry] of set.entries) out[name] = signalEntryJson(entry, set.samplingRate, maxPoints);
  return out;
}
