// EMG channels of a C3D as the original sees them: base names are the
// labels without " Raw"/" activated", sorted; raw = "<base> Raw" else "<base>"; timing from
// "<base> activated" when present.
import type { C3dFile } from '@app/c3d';

export interface EmgChannel {
  /** Base name, e.g. "CH1". */
  name: string;
  raw: Float64Array;
  activated: Float64Array | null;
}

export interface EmgChannels {
  fs: number;
  channels: EmgChannel[];
  /** The original's available_channels list (with its " Raw" duplicates and "<base> Processed"). */
  availableChannels: string[];
}

/** Original fallback when ANALOG:RATE is missing. */
const DEFAULT_SAMPLING_RATE = 2000;

export function extractEmgChannels(file: C3dFile): EmgChannels {
  const fs = file.analog.rate > 0 ? file.analog.rate : DEFAULT_SAMPLING_RATE;
  const byLabel = new Map<string, Float64Array>();
  file.analog.channels.forEach((data, i) => {
    const label = file.analog.labels[i]?.trim() || `CH${i + 1}`;
    if (data.length > 0 && !byLabel.has(label)) byLabel.set(label, data);
  });
  const available: string[] = [];
  for (const label of byLabel.keys()) {
    available.push(label);
    if (!label.endsWith(' Raw')) available.push(`${label} Raw`);
  }
  const bases = [
    ...new Set([...byLabel.keys()].map((l) => l.replace(' Raw', '').replace(' activated', ''))),
  ].sort();
  const channels: EmgChannel[] = [];
  for (const name of bases) {
    const raw = byLabel.get(`${name} Raw`) ?? byLabel.get(name);
    if (!raw) continue;
    channels.push({ name, raw, activated: byLabel.get(`${name} activated`) ?? null });
    available.push(`${name} Processed`);
  }
  return { fs, channels, availableChannels: available };
}
