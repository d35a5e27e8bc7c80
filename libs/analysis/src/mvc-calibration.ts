// MVC from a dedicated calibration trial (a maximal isometric contraction recorded as its own
// C3D): per channel and per registered profile, the mean of the best (highest-mean) window of
// that profile's envelope (SENIAM; Konrad: best 0.5-1 s). Each profile gets its own value
// because the envelopes differ (ghostly: HP, rectify, 10 Hz LP, 50 ms average; seniam: band-pass,
// rectify, 6 Hz LP), so a session is always normalised by the envelope it is analysed with.
import type { C3dFile } from '@app/c3d';
import {
  bandpass,
  bestWindowMean,
  computeEnvelope,
  getProcessingProfile,
  linearEnvelope,
  listProcessingProfiles,
  validateSignalQuality,
  type ProcessingProfile,
} from '@app/emg';
import { extractEmgChannels } from './channels.js';
import { AnalysisError } from './errors.js';

export interface MvcCalibrationChannel {
  /** Mean envelope over the best window, V. */
  value: number;
  window_start_s: number;
  window_end_s: number;
}

export interface MvcCalibration {
  method: 'best_window_mean';
  window_ms: number;
  sampling_rate: number;
  /** profile -> channel -> MVC (V): what later sessions of the profile use. */
  values: Record<string, Record<string, number>>;
  /** profile -> channel -> the window it came from. */
  windows: Record<string, Record<string, MvcCalibrationChannel>>;
  /** Channels left out, with the reason. */
  skipped: Record<string, string>;
}

function profileEnvelope(raw: Float64Array, fs: number, p: ProcessingProfile): Float64Array {
  if (p.pipeline === 'seniam' && p.seniam)
    return linearEnvelope(bandpass(raw, fs, p.seniam.bandpass), fs, p.seniam.envelope);
  return computeEnvelope(raw, fs, p.envelope).envelope.slice();
}

export function calibrateMvcFromC3d(file: C3dFile, windowMs = 500): MvcCalibration {
  if (!(windowMs > 0)) throw new RangeError(`MVC window must be positive, got ${windowMs} ms`);
  const { fs, channels } = extractEmgChannels(file);
  const w = Math.trunc((windowMs / 1000) * fs);
  const out: MvcCalibration = {
    method: 'best_window_mean',
    window_ms: windowMs,
    sampling_rate: fs,
    values: {},
    windows: {},
    skipped: {},
  };
  for (const name of listProcessingProfiles()) {
    const profile = getProcessingProfile(name);
    out.values[name] = {};
    out.windows[name] = {};
    for (const ch of channels) {
      const q = validateSignalQuality(ch.raw, fs, {
        ...profile.quality,
        minDurationS: windowMs / 1000,
        maxDurationS: Infinity,
      });
      if (!q.valid || ch.raw.length < w) {
        out.skipped[ch.name] = q.valid ? `shorter than the ${windowMs} ms window` : q.message;
        continue;
      }
      const best = bestWindowMean(profileEnvelope(ch.raw, fs, profile), w);
      out.values[name]![ch.name] = best.value;
      out.windows[name]![ch.name] = {
        value: best.value,
        window_start_s: best.start / fs,
        window_end_s: best.end / fs,
      };
    }
  }
  if (channels.length === 0 || Object.keys(out.values[listProcessingProfiles()[0]!]!).length === 0)
    throw new AnalysisError('no_emg_channels', 'no EMG channel usable for MVC calibration', {
      skipped: out.skipped,
    });
  return out;
}
