import type { AnalysisOutcome, AnalysisTask, TaskFailure } from './analysis-task.js';

/**
 * The file could not be analysed (unreadable C3D, no EMG channel, bad parameters): a property
 * of the input, so retrying cannot help. `code` is the reader's or the analyser's code.
 */
export class AnalysisInputError extends Error {
  constructor(readonly failure: TaskFailure) {
    super(failure.message);
    this.name = 'AnalysisInputError';
  }
  get code(): string {
    return this.failure.code;
  }
}

/**
 * The analyser threw on this input (a defect of ours that the file triggers). Retrying the same
 * bytes cannot help either, so queued work fails at once with `analysis_crashed`; the HTTP
 * path answers 500.
 */
export class AnalysisCrashError extends Error {
  readonly code = 'analysis_crashed';
  constructor(message: string) {
    super(`analysis failed: ${message}`);
    this.name = 'AnalysisCrashError';
  }
}

/** The analysis seam: bytes + parameters -> AnalysisReport, off the API's event loop. */
export abstract class AnalysisRunner {
  /** @throws AnalysisInputError for a bad file; any other error is a fault of the runner. */
  abstract analyze(bytes: Uint8Array, task: AnalysisTask): Promise<AnalysisOutcome>;
  abstract close(): Promise<void>;
}
