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
  type SignalJson,
} from '@app/analysis';
import type { ScoringConfig, SubjectiveInputs } from '@app/scoring';

export const DEFAULT_PROFILE = 'ghostly-v1';

export interface AnalysisTask {
  params?: AnalysisParams;
  profile?: string;
  scoring?: ScoringConfig;
  subjective?: SubjectiveInputs;
  /**
   * When set, the `emg_signals` map is returned too, each entry min/max-downsampled to at most
   * this many points (0 = full resolution).
   */
  signalsMaxPoints?: number;
}

export interface AnalysisOutcome {
  report: AnalysisReport;
  signals?: Record<string, SignalJson>;
}

export interface TaskFailure {
  kind: 'c3d' | 'analysis' | 'internal';
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type TaskResult = { ok: true; outcome: AnalysisOutcome } | { ok: false; failure: TaskFailure };

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
      outcome.signals = emgSignalsJson(buildEmgSignals(file, profile), task.signalsMaxPoints);
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
