// ghostly-v1: the original GHOSTLY+ backend's pipeline (processing_version 2.1.0), constant
// for constant (filters, envelope, thresholds and detection as the original ran them). Frozen: a change of
// any number here is a new profile, never an edit.
import { deepFreeze } from './freeze.js';
import type { ProcessingProfile } from './types.js';

export const GHOSTLY_V1: ProcessingProfile = deepFreeze({
  name: 'ghostly-v1',
  version: '1.0.0',
  description:
    'Parity with the original GHOSTLY+ backend 2.1.0: HP 20 Hz / rectify / LP 10 Hz (Butterworth 4, filtfilt) / 50 ms moving average envelope; ' +
    'activated-channel timing at 5 % of max; metrics and temporal statistics on the raw signal; MVC = 95th percentile of the envelope.',
  quality: { minSamples: 1000, minDurationS: 10, maxDurationS: 600, minStd: 1e-10 },
  envelope: { highpassHz: 20, lowpassHz: 10, filterOrder: 4, smoothingWindowMs: 50 },
  spectral: { nperseg: 256, minSamples: 256, minStd: 1e-10 },
  temporal: { windowMs: 1000, overlapPercent: 50, minWindows: 3 },
  detection: {
    thresholdFactor: 0.1,
    activatedThresholdFactor: 0.05,
    useActivatedChannel: true,
    minDurationMs: 100,
    smoothingWindowSamples: 100,
    mergeThresholdMs: 200,
    refractoryPeriodMs: 0,
    maxContractionDurationMs: 10000,
    minPeak: 1e-9,
  },
  mvc: { defaultThresholdPercentage: 75, estimationPercentile: 95 },
  duration: { defaultThresholdMs: 2000 },
  displayRmsWindowMs: 50,
});
