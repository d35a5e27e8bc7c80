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
  /** Pipeline driven by this profile; absent = 'ghostly'. */
  readonly pipeline?: PipelineKind;
  /** Constants of the seniam pipeline (present when pipeline = 'seniam'). */
  readonly seniam?: SeniamParams;
}

/** Which pipeline a profile drives. Absent means 'ghostly' (profiles published before seniam-v1). */
export type PipelineKind = 'ghostly' | 'seniam';

export type OnsetMethod = 'hodges' | 'bonato' | 'tkeo';

/** Constants of the literature-aligned pipeline (seniam-v1); see docs/methods.md. */
export interface SeniamParams {
  readonly bandpass: {
    readonly lowHz: number;
    readonly highHz: number;
    /** Butterworth order of each edge (high-pass and low-pass sections), zero-phase. */
    readonly order: number;
    /** The upper edge is limited to this fraction of Nyquist (fs/2). */
    readonly maxNyquistFraction: number;
  };
  /** Linear envelope: |band-passed| then a zero-phase Butterworth low-pass. */
  readonly envelope: { readonly lowpassHz: number; readonly order: number };
  readonly onset: {
    readonly method: OnsetMethod;
    /** Length of the automatically detected rest period (lowest-mean window of the envelope). */
    readonly restWindowMs: number;
    /** Threshold = rest mean + k x rest SD (Hodges & Bui; TKEO uses tkeoK on its own envelope). */
    readonly k: number;
    readonly tkeoK: number;
    /** Bonato: false-alarm probability of the first threshold, window m and count r0 (in sample pairs). */
    readonly bonatoPfa: number;
    readonly bonatoM: number;
    readonly bonatoR0: number;
    /** Inactive gaps shorter than this are bridged, then active runs shorter than minOnMs dropped. */
    readonly minOffMs: number;
    readonly minOnMs: number;
  };
  readonly spectral: {
    /** Welch segment length per contraction (min(nperseg, contraction length)). */
    readonly nperseg: number;
    /** Contractions shorter than this many samples get no spectral metrics. */
    readonly minSamples: number;
  };
  readonly mains: {
    readonly fundamentalsHz: readonly number[];
    /** Welch segment length for the mains measurement (about 1 Hz bins). */
    readonly nperseg: number;
    /** Neighbouring bins between these distances (Hz) from a line give its floor (median). */
    readonly neighbourInnerHz: number;
    readonly neighbourOuterHz: number;
  };
  readonly fatigue: {
    readonly minContractionsForSlope: number;
    readonly fiBaselineContractions: number;
    readonly confidence: number;
  };
  readonly gate: {
    /** Consecutive samples at the recording's extreme value that count as clipping. */
    readonly clipMinRun: number;
    /** Fraction of samples in such runs above which the channel fails. */
    readonly clipMaxFraction: number;
    /** Longest run of identical samples (ms) a live channel may have. */
    readonly flatMaxMs: number;
    /** SNR (dB) of contraction RMS vs rest RMS below which the channel fails. */
    readonly minSnrDb: number;
    /** |mean(raw)| / RMS(band-passed) above which a DC offset is reported. */
    readonly maxDcRatio: number;
    /** Fraction of band power in mains lines above which interference is reported ... */
    readonly maxMainsFraction: number;
    /** ... and above which the channel fails (the lines then dominate the spectrum metrics). */
    readonly failMainsFraction: number;
  };
  /** MVC calibration: length of the best (highest-mean) envelope window, ms. */
  readonly mvcWindowMs: number;
}
