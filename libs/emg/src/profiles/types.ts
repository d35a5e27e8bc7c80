// A processing profile: every constant that changes an EMG number, named and versioned,
// and reported with each result (provenance). New profiles are new files; existing ones
// are frozen and never edited once published.

export interface QualityLimits {
  /** Minimum number of samples. */
  readonly minSamples: number;
  /** Minimum duration in seconds (N / fs). */
  readonly minDurationS: number;
  /** Maximum duration in seconds. */
  readonly maxDurationS: number;
  /** Minimum population standard deviation (flat-signal check). */
  readonly minStd: number;
}

export interface EnvelopeParams {
  readonly highpassHz: number;
  readonly lowpassHz: number;
  /** Butterworth order of each filter, applied zero-phase (effective order doubles). */
  readonly filterOrder: number;
  /** Moving-average length in ms; samples = trunc(ms / 1000 * fs). */
  readonly smoothingWindowMs: number;
}

export interface SpectralParams {
  /** Welch segment length (min(nperseg, N) as the original calls SciPy). */
  readonly nperseg: number;
  /** A PSD needs at least this many samples ... */
  readonly minSamples: number;
  /** ... and at least this population standard deviation. */
  readonly minStd: number;
}

export interface TemporalParams {
  readonly windowMs: number;
  readonly overlapPercent: number;
  /** Fewer valid windows than this give null statistics. */
  readonly minWindows: number;
}

export interface DetectionParams {
  /** Threshold as a fraction of the smoothed timing signal's maximum (envelope timing). */
  readonly thresholdFactor: number;
  /** Factor forced when an "activated" channel drives timing. */
  readonly activatedThresholdFactor: number;
  /** Use the C3D "<ch> activated" channel for timing when present. */
  readonly useActivatedChannel: boolean;
  readonly minDurationMs: number;
  /** Moving-average length before thresholding, in SAMPLES (not ms), as the original. */
  readonly smoothingWindowSamples: number;
  readonly mergeThresholdMs: number;
  readonly refractoryPeriodMs: number;
  readonly maxContractionDurationMs: number;
  /** Below this smoothed maximum nothing is detected. */
  readonly minPeak: number;
}

export interface MvcParams {
  /** Threshold % when neither per-channel nor global % is given. */
  readonly defaultThresholdPercentage: number;
  /** Percentile of the processed envelope used as the backend MVC estimate. */
  readonly estimationPercentile: number;
}

export interface DurationParams {
  /** Default therapeutic duration threshold (ms) a contraction must reach. */
  readonly defaultThresholdMs: number;
}

export interface ProcessingProfile {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly quality: QualityLimits;
  readonly envelope: EnvelopeParams;
  readonly spectral: SpectralParams;
  readonly temporal: TemporalParams;
  readonly detection: DetectionParams;
  readonly mvc: MvcParams;
  readonly duration: DurationParams;
  /** Display-only moving RMS of |raw| (original's rms_envelope), in ms. */
  readonly displayRmsWindowMs: number;
}
