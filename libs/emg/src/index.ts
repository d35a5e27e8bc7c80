// @app/emg: framework-free EMG signal processing over typed arrays.
export { butterworth, butterworthSos, butterworthBandpassSos, sosToTf } from './filters/butterworth.js';
export type { Biquad, ButterworthKind, ButterworthOptions, TransferFunction } from './filters/butterworth.js';
export { lfilter } from './filters/lfilter.js';
export { lfilterZi } from './filters/lfilter-zi.js';
export { filtfilt, type FiltfiltOptions } from './filters/filtfilt.js';
export { sosfiltfilt, sosfiltZi } from './filters/sosfiltfilt.js';
export { oddExtension } from './filters/odd-extension.js';
export { rectify } from './smoothing/rectify.js';
export { movingAverage } from './smoothing/moving-average.js';
export { movingRms } from './smoothing/moving-rms.js';
export { percentile } from './stats/percentile.js';
export { rms, mav, stdPopulation } from './stats/amplitude.js';
export { describe, type TemporalStat } from './stats/describe.js';
export { hannPeriodic } from './spectral/hann.js';
export { welch, type WelchOptions } from './spectral/welch.js';
export { spectralMetrics, type SpectralMetrics } from './spectral/spectral-metrics.js';
export { signalMetrics, type SignalMetrics } from './spectral/signal-metrics.js';
export { temporalStats, type TemporalStats } from './temporal-stats.js';
export { validateSignalQuality, type QualityIssue, type QualityResult } from './quality.js';
export { computeEnvelope, computeEnvelopes, type EnvelopeResult } from './envelope.js';
export { findIntervals } from './contractions/find-intervals.js';
export { refineIntervals, type RefineOptions } from './contractions/refine-intervals.js';
export {
  detectContractions,
  type DetectionOptions,
  type DetectionResult,
} from './contractions/detect-contractions.js';
export { summarizeContractions, type ContractionSummary } from './contractions/summarize.js';
export { contractionFlags, type ContractionFlags } from './contractions/flags.js';
export type { Contraction, Interval } from './contractions/types.js';
export {
  resolveMvcThreshold,
  resolveDurationThreshold,
  type MvcInputs,
  type MvcThreshold,
  type MvcEstimationMethod,
  type DurationInputs,
} from './mvc/thresholds.js';
export { estimateMvc, type MvcEstimate } from './mvc/estimate.js';
export { createWorkspace, type Workspace } from './workspace.js';
export {
  analyzeChannel,
  analyzeValidatedChannel,
  SignalQualityError,
  type ChannelInput,
  type ChannelOptions,
  type ChannelAnalysis,
  type DetectionOverrides,
} from './channel/analyze-channel.js';
export type * from './profiles/types.js';
export { GHOSTLY_V1 } from './profiles/ghostly-v1.js';
export {
  getProcessingProfile,
  listProcessingProfiles,
  DEFAULT_PROFILE_NAME,
  UnknownProfileError,
} from './profiles/registry.js';
export { SENIAM_V1 } from './profiles/seniam-v1.js';
export { PROFILE_NAMES, type ProfileName } from './profiles/registry.js';
export { bandEdges, bandpass, linearEnvelope, tkeo, type BandEdges } from './seniam/filters.js';
export { findRestWindow, meanSd, type RestWindow } from './seniam/rest.js';
export { runsAbove, applyMinDurations, msToSamples, type Span } from './seniam/intervals.js';
export { detectOnsets, bonatoSpans, type OnsetResult, type OnsetInputs } from './seniam/onsets.js';
export { bandSpectrum, type BandSpectrum } from './seniam/band-spectrum.js';
export { contractionMetrics, type ContractionMetrics } from './seniam/contraction-metrics.js';
export {
  mainsInterference,
  type MainsReport,
  type MainsFundamental,
  type MainsLine,
} from './seniam/mains.js';
export {
  qualityGate,
  measureGate,
  type QualityGate,
  type GateReason,
  type GateReasonCode,
  type GateMeasures,
} from './seniam/quality-gate.js';
export { bestWindowMean, type MvcWindow } from './seniam/mvc-window.js';
export { agreement, matchSpans, type Agreement, type DiffStats } from './seniam/agreement.js';
export {
  analyzeSeniamChannel,
  activatedSpans,
  seniamParams,
  ONSET_METHODS,
  type SeniamChannelInput,
  type SeniamChannelAnalysis,
  type SeniamContraction,
  type MethodSummary,
  type MvcSource,
} from './seniam/analyze-seniam-channel.js';
export { linearTrend, type Trend } from './fatigue/trend.js';
export { studentTQuantile, studentTCdf, incompleteBeta, logGamma } from './fatigue/student-t.js';
export { fatigueTrends, type FatigueResult, type FatigueInput } from './fatigue/fatigue.js';
