// @app/analysis: C3D (@app/c3d) + EMG (@app/emg) + scoring (@app/scoring) -> AnalysisReport.
export { analyzeC3d, rescore, type AnalyzeOptions } from './analyze.js';
export { scoreAnalytics } from './score.js';
export {
  buildEmgSignals,
  emgSignalsJson,
  signalEntryJson,
  type EmgSignalSet,
  type SignalEntry,
  type SignalJson,
} from './signals.js';
export { extremaIndices, strideExtremaIndices } from './signal-downsample.js';
export { extractGameMetadata, sessionDateTime, type GameMetadata } from './metadata.js';
export { extractEmgChannels, type EmgChannel, type EmgChannels } from './channels.js';
export { AnalysisError, type AnalysisErrorCode } from './errors.js';
export {
  validateAnalysisParams,
  normalizeAnalysisParams,
  PROCESSING_OPTION_KEYS,
  SESSION_PARAM_KEYS,
  expectedContractionsFor,
  type AnalysisParams,
  type SessionParams,
  type ProcessingOptionsParams,
} from './params.js';
export type * from './report-types.js';
export { recalculateAnalytics, type RecalcOptions, type RecalcResult } from './recalc.js';
export {
  originalResultFields,
  sessionSettings,
  type OriginalResultFields,
  type C3dParametersReport,
  type SessionSettingsReport,
  type SessionConfigurationReport,
  type ProcessingParametersReport,
} from './original-fields.js';
export { analyzeSeniam, qualityGateReport } from './seniam/analyze-seniam.js';
export type * from './seniam/seniam-report-types.js';
export { calibrateMvcFromC3d, type MvcCalibration, type MvcCalibrationChannel } from './mvc-calibration.js';
