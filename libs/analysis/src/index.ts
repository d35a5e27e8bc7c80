// @app/analysis: C3D (@app/c3d) + EMG (@app/emg) + scoring (@app/scoring) -> AnalysisReport.
export {
  analyzeC3d,
  rescore,
  extractChannelSignals,
  type AnalyzeOptions,
  type ChannelSignals,
} from './analyze.js';
export { extractGameMetadata, sessionDateTime, type GameMetadata } from './metadata.js';
export { extractEmgChannels, type EmgChannel, type EmgChannels } from './channels.js';
export { AnalysisError, type AnalysisErrorCode } from './errors.js';
export {
  validateAnalysisParams,
  type AnalysisParams,
  type SessionParams,
  type ProcessingOptionsParams,
} from './params.js';
export type * from './report-types.js';
