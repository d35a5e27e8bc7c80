/**
 * The CPU-heavy part of an analysis (C3D parse + EMG analysis + scoring + optional signals),
 * framework-free so that it runs the same inline and inside a worker thread. Errors come back
 * as plain data because they cross the thread boundary.
 */
import { C3dError, readC3d } from '@app/c3d';
import {
  AnalysisError,
  analyzeC3d,
  buildEmgSignals,
  emgSignalsJson,
  type AnalysisParams,
  type AnalysisReport,
  type EmgSignalSet,
  type SignalJson,
} from '@app/analysis';
import { estimateMvc, type MvcEstimate } from '@app/emg';
import type { ScoringConfig, SubjectiveInputs } from '@app/scoring';

export const DEFAULT_PROFILE = 'ghostly-v1';

export interface AnalysisTask {
  params?: AnalysisParams;
  profile?: string;
  scoring?: ScoringConfig;
  subjective?: SubjectiveInputs;
  /** The patient's calibrated MVC per channel for this profile (see AnalyzeOptions.calibratedMvc). */
  calibratedMvc?: Record<string, number>;
  /**
   * When set, the `emg_signals` map is returned too, each entry min/max-downsampled to at most
   * this many points (0 = full resolution).
   */
  signalsMaxPoints?: number;
  /** When set, an MVC calibration per analysed channel at this threshold percentage is returned too. */
  mvcThresholdPercentage?: number;
}

export interface AnalysisOutcome {
  report: AnalysisReport;
  signals?: Record<string, SignalJson>;
  /** Per analysed channel, from its processed envelope (the one the analysis estimates MVC from). */
  mvc?: Record<string, MvcEstimate>;
}

export interface TaskFailure {
  kind: 'c3d' | 'analysis' | 'internal';
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type TaskResult = { ok: true; outcome: AnalysisOutcome } | { ok: false; failure: TaskFailure };

function mvcOf(
  set: EmgSignalSet,
  channels: string[],
  pct: number,
  percentile: number,
): Record<string, MvcEstimate> {
  const out: Record<string, MvcEstimate> = {};
  for (const ch of channels) {
    const envelope = set.entries.get(`${ch} Processed`)?.data;
    if (envelope) out[ch] = estimateMvc(envelope, pct, percentile);
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
      calibratedMvc: task.calibratedMvc,
    });
    const outcome: AnalysisOutcome = { report };
    if (task.signalsMaxPoints !== undefined || task.mvcThresholdPercentage !== undefined) {
      const set = buildEmgSignals(file, profile);
      if (task.signalsMaxPoints !== undefined) outcome.signals = emgSignalsJson(set, task.signalsMaxPoints);
      if (task.mvcThresholdPercentage !== undefined)
        outcome.mvc = mvcOf(
          set,
          Object.keys(report.analytics),
          task.mvcThresholdPercentage,
          report.processing_profile.parameters.mvc.estimationPercentile,
        );
    }
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
