/**
 * The CPU-heavy part of an analysis (C3D parse + EMG analysis + scoring + optional signals),
 * framework-free so that it runs the same inline and inside a worker thread. Errors come back
 * as plain data because they cross the thread boundary.
 */
import { C3dError, readC3d } from '@app/c3d';
import {
  AnalysisError,
  analyzeC3d,
  extractChannelSignals,
  type AnalysisParams,
  type AnalysisReport,
} from '@app/analysis';
import type { ScoringConfig, SubjectiveInputs } from '@app/scoring';
import { minMaxDownsample } from './downsample.js';

export const DEFAULT_PROFILE = 'ghostly-v1';

export interface AnalysisTask {
  params?: AnalysisParams;
  profile?: string;
  scoring?: ScoringConfig;
  subjective?: SubjectiveInputs;
  /** When set, per-channel signals downsampled to at most this many points are returned too. */
  signalsMaxPoints?: number;
}

export interface ChannelSignalsDto {
  sampling_rate: number;
  samples: number;
  /** Seconds of each point of `data`. */
  time_axis: number[];
  data: number[];
  /** The processed envelope, downsampled on its own extremes (so at its own times). */
  rms_envelope: number[] | null;
  /** Seconds of each point of `rms_envelope`. */
  rms_envelope_time_axis: number[] | null;
}

export interface AnalysisOutcome {
  report: AnalysisReport;
  signals?: Record<string, ChannelSignalsDto>;
}

export interface TaskFailure {
  kind: 'c3d' | 'analysis' | 'internal';
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type TaskResult = { ok: true; outcome: AnalysisOutcome } | { ok: false; failure: TaskFailure };

function signalsOf(
  file: ReturnType<typeof readC3d>,
  profile: string,
  maxPoints: number,
): Record<string, ChannelSignalsDto> {
  const out: Record<string, ChannelSignalsDto> = {};
  for (const ch of extractChannelSignals(file, profile)) {
    const raw = minMaxDownsample(ch.raw, maxPoints);
    const env = ch.envelope ? minMaxDownsample(ch.envelope, maxPoints) : null;
    out[ch.name] = {
      sampling_rate: ch.samplingRate,
      samples: ch.raw.length,
      time_axis: raw.index.map((i) => i / ch.samplingRate),
      data: raw.values,
      // Envelope buckets are picked on the envelope itself, so its points sit at their own times.
      rms_envelope: env ? env.values : null,
      rms_envelope_time_axis: env ? env.index.map((i) => i / ch.samplingRate) : null,
    };
  }
  return out;
}

export function runAnalysisTask(bytes: Uint8Array, task: AnalysisTask): TaskResult {
  try {
    const profile = task.profile ?? DEFAULT_PROFILE;
    const file = readC3d(bytes);
    const report = analyzeC3d(file, task.params ?? {}, {
      profile,
      scoring: task.scoring,
      subjective: task.subjective,
    });
    const outcome: AnalysisOutcome = { report };
    if (task.signalsMaxPoints !== undefined)
      outcome.signals = signalsOf(file, profile, task.signalsMaxPoints);
    return { ok: true, outcome };
  } catch (error) {
    if (error instanceof C3dError) {
      return {
        ok: false,
        failure: { kind: 'c3d', code: error.code, message: error.message, details: { offset: error.offset } },
      };
    }
    if (error instanceof AnalysisError) {
      return {
        ok: false,
        failure: { kind: 'analysis', code: error.code, message: error.message, details: error.details },
      };
    }
    return {
      ok: false,
      failure: {
        kind: 'internal',
        code: 'analysis_crashed',
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}
