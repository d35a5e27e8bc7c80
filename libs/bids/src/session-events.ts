/**
 * The derivative events of a BIDS session: one _events.tsv row per detected contraction, and
 * the _events.json sidecar that describes each column and carries the game metadata.
 */
import type { BidsContraction } from './session.js';
import { toTsv } from './tsv.js';

const bool = { true: 'yes', false: 'no', 'n/a': 'not evaluated' };

/** The _events.tsv columns, in order, as the sidecar describes them. */
const EVENT_COLUMNS = {
  onset: { Description: 'Start of the detected contraction from the start of the recording', Units: 's' },
  duration: { Description: 'Duration of the detected contraction', Units: 's' },
  trial_type: { Description: 'Always "contraction": one row per contraction the analysis detected' },
  channel: { Description: 'EMG channel the contraction was detected on (name in _channels.tsv)' },
  meets_mvc: { Description: 'Peak envelope amplitude reached the MVC threshold', Levels: bool },
  meets_duration: { Description: 'Lasted at least the duration threshold', Levels: bool },
  is_good: { Description: 'Counted as a good contraction (both criteria met)', Levels: bool },
  max_amplitude: { Description: 'Peak of the processed envelope during the contraction', Units: 'V' },
  mean_amplitude: { Description: 'Mean of the processed envelope during the contraction', Units: 'V' },
};

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** The contractions in time order; `labelOf` maps a source channel name to its EDF label. */
export function eventsTsv(contractions: BidsContraction[], labelOf: Map<string, string>): string {
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
  return toTsv(Object.keys(EVENT_COLUMNS), rows);
}

export function eventsSidecar(gameMetadata: Record<string, unknown>) {
  return { ...EVENT_COLUMNS, GameMetadata: gameMetadata };
}
