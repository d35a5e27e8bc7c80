// The "processed" envelope of ghostly-v1: high-pass, full-wave rectification, low-pass
// (Butterworth, zero-phase filtfilt), then a moving average (original preprocess_emg_signal).
import { butterworth } from './filters/butterworth.js';
import { filtfiltView } from './filters/filtfilt.js';
import type { EnvelopeParams } from './profiles/types.js';
import { SCRATCH_A, SCRATCH_B } from './scratch.js';
import { movingAverage } from './smoothing/moving-average.js';
import { rectify } from './smoothing/rectify.js';

export interface EnvelopeResult {
  envelope: Float64Array;
  /** Moving-average length actually used (samples). */
  smoothingWindowSamples: number;
  steps: string[];
}

export function computeEnvelope(raw: ArrayLike<number>, fs: number, params: EnvelopeParams): EnvelopeResult {
  const steps: string[] = [];
  const nyq = fs / 2;
  // Intermediate results are views into pooled work buffers (scratch.ts); the returned envelope
  // is always a fresh array of its own (slice or moving-average output).
  let x: Float64Array;
  // the original skips a filter whose normalised cut-off is >= 1
  if (params.highpassHz / nyq < 1) {
    const { b, a } = butterworth({ order: params.filterOrder, cutoffHz: params.highpassHz, fs, kind: 'highpass' });
    x = filtfiltView(b, a, raw, {}, false, SCRATCH_A);
    steps.push(`High-pass filter: ${params.highpassHz}Hz, order ${params.filterOrder}`);
  } else x = Float64Array.from(raw);
  steps.push('Full-wave rectification');
  if (params.lowpassHz / nyq < 1) {
    const { b, a } = butterworth({ order: params.filterOrder, cutoffHz: params.lowpassHz, fs, kind: 'lowpass' });
    // rectification fused into the low-pass input
    x = filtfiltView(b, a, x, {}, true, SCRATCH_B);
    steps.push(`Low-pass filter for envelope: ${params.lowpassHz}Hz, order ${params.filterOrder}`);
  } else rectify(x, x);
  const m = Math.trunc((params.smoothingWindowMs / 1000) * fs);
  if (m > 1) {
    x = movingAverage(x, m);
    steps.push(`Moving average smoothing: ${params.smoothingWindowMs}ms window (${m} samples)`);
  } else x = x.slice();
  return { envelope: x, smoothingWindowSamples: m, steps };
}
