export type AnalysisErrorCode = 'no_emg_channels' | 'invalid_params' | 'unknown_profile';

/** Domain error of @app/analysis with a stable code (mapped to HTTP by the service, to exit codes by the CLI). */
export class AnalysisError extends Error {
  constructor(
    readonly code: AnalysisErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}
