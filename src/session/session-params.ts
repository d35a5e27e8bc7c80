import type { AnalysisParams } from '@app/analysis';
import type { SessionRow } from './session.repository.js';

/**
 * The parameters of a session's latest run: what the analysis used once that run completed (the
 * processing options it used with the requested session parameters), else what the run was asked
 * (queued, processing, or failed).
 */
export function latestRunParams(
  row: Pick<SessionRow, 'processing_status' | 'analysis_params' | 'requested_analysis_params'>,
): AnalysisParams {
  return row.processing_status === 'completed' && row.analysis_params
    ? row.analysis_params
    : row.requested_analysis_params;
}
