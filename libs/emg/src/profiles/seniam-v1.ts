// seniam-v1: a literature-aligned pipeline beside ghostly-v1 (docs/methods.md). Band-pass
// 20-450 Hz before any metric, onsets against baseline noise, metrics per contraction,
// fatigue as trends, a signal-quality gate. Frozen like every published profile.
import { deepFreeze } from './freeze.js';
import type { ProcessingProfile } from './types.js';

export const SENIAM_V1: ProcessingProfile = deepFreeze({
  name: 'seniam-v1',
  version: '1.0.0',
  description:
    'Band-pass 20-450 Hz (Butterworth 4+4, zero-phase SOS, upper edge <= 0.9 Nyquist); linear envelope (6 Hz); ' +
    'onsets against rest noise on the TKEO envelope (mean + 3 SD; Hodges & Bui and Bonato reported beside it), ' +
    'min on/off 100 ms; RMS/MAV/MNF/MDF per contraction; MDF/MNF slopes and FInsm5 change for fatigue; ' +
    'quality gate; MVC from a calibration trial (best 500 ms window).',
  quality: { minSamples: 1000, minDurationS: 2, maxDurationS: 3600, minStd: 1e-10 },
  // the ghostly-shaped blocks are kept for the fields every report shares (display, duration)
  envelope: { highpassHz: 20, lowpassHz: 6, filterOrder: 4, smoothingWindowMs: 0 },
  spectral: { nperseg: 256, minSamples: 128, minStd: 1e-10 },
  temporal: { windowMs: 0, overlapPercent: 0, minWindows: 3 },
  detection: {
    thresholdFactor: 0,
    activatedThresholdFactor: 0,
    useActivatedChannel: false,
    minDurationMs: 100,
    smoothingWindowSamples: 0,
    mergeThresholdMs: 100,
    refractoryPeriodMs: 0,
    maxContractionDurationMs: 0,
    minPeak: 0,
  },
  mvc: { defaultThresholdPercentage: 75, estimationPercentile: 95 },
  duration: { defaultThresholdMs: 2000 },
  displayRmsWindowMs: 50,
  pipeline: 'seniam',
  seniam: {
    bandpass: { lowHz: 20, highHz: 450, order: 4, maxNyquistFraction: 0.9 },
    envelope: { lowpassHz: 6, order: 4 },
    onset: {
      method: 'tkeo',
      restWindowMs: 500,
      k: 3,
      tkeoK: 3,
      bonatoPfa: 0.05,
      bonatoM: 25,
      bonatoR0: 10,
      minOffMs: 100,
      minOnMs: 100,
    },
    spectral: { nperseg: 256, minSamples: 128 },
    mains: { fundamentalsHz: [50, 60], nperseg: 1024, neighbourInnerHz: 3, neighbourOuterHz: 10 },
    fatigue: { minContractionsForSlope: 5, fiBaselineContractions: 3, confidence: 0.95 },
    gate: {
      clipMinRun: 3,
      clipMaxFraction: 0.001,
      flatMaxMs: 100,
      minSnrDb: 6,
      maxDcRatio: 1,
      maxMainsFraction: 0.05,
      failMainsFraction: 0.25,
    },
    mvcWindowMs: 500,
  },
});
