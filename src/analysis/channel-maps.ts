import type { SessionParams } from '@app/analysis';
import { UnprocessableError } from '../shared/errors/app-error.js';

/** The per-channel maps of the session parameters may only name channels the file has (422 otherwise). */
export function assertKnownChannels(sp: SessionParams, channels: readonly string[]): void {
  const known = new Set(channels);
  const maps = {
    session_mvc_values: sp.session_mvc_values,
    session_mvc_threshold_percentages: sp.session_mvc_threshold_percentages,
    session_duration_thresholds_per_muscle: sp.session_duration_thresholds_per_muscle,
  };
  for (const [field, map] of Object.entries(maps)) {
    const unknown = Object.keys(map ?? {}).filter((k) => !known.has(k));
    if (unknown.length > 0) {
      throw new UnprocessableError(
        'unknown_channel',
        `${field} names channels the file does not have: ${unknown.join(', ')} (channels: ${channels.join(', ')})`,
      );
    }
  }
}
