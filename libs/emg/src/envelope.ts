// The "processed" envelope of ghostly-v1: high-pass, full-wave rectification, low-pass
// (Butterworth, zero-phase filtfilt), then a moving average (original preprocess_emg_signal).
import { butterworth } from './filters/butterworth.js';
import { filtfiltView, filtfiltViewPair } from './filters/filtfilt.js';
import type { EnvelopeParams } from './profiles/types.js';
import { SCRATCH_A, SCRATCH_B, SCRATCH_C, SCRATCH_D } from './scratch.js';
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
    const { b, a } = butterworth({
      order: params.filterOrder,
      cutoffHz: params.highpassHz,
      fs,
      kind: 'highpass',
    });
    x = filtfiltView(b, a, raw, {}, false, SCRATCH_A);
    steps.push(`High-pass filter: ${params.highpassHz}Hz, order ${params.filterOrder}`);
  } else x = Float64Array.from(raw);
  steps.push('Full-wave rectification');
  if (params.lowpassHz / nyq < 1) {
    const { b, a } = butterworth({
      order: params.filterOrder,
      cutoffHz: params.lowpassHz,
      fs,
      kind: 'lowpass',
    });
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

/**
 * computeEnvelope of several signals, equal to calling it on each (bit for bit). Signals of
 * equal length are filtered two at a time (filtfiltViewPair), which is where the envelope's
 * time goes: the IIR recursions are latency-bound, and two independent ones overlap.
 */
export function computeEnvelopes(
  raws: readonly ArrayLike<number>[],
  fs: number,
  params: EnvelopeParams,
): EnvelopeResult[] {
  const out: EnvelopeResult[] = new Array<EnvelopeResult>(raws.length);
  const pending: number[] = [];
  raws.forEach((raw, i) => {
    const mate = pending.findIndex((j) => raws[j]!.length === raw.length);
    if (mate < 0) {
      pending.push(i);
      return;
    }
    const j = pending.splice(mate, 1)[0]!;
    [out[j], out[i]] = computeEnvelopePair(raws[j]!, raw, fs, params);
  });
  for (const i of pending) out[i] = computeEnvelope(raws[i]!, fs, params);
  return out;
}

function computeEnvelopePair(
  raw1: ArrayLike<number>,
  raw2: ArrayLike<number>,
  fs: number,
  params: EnvelopeParams,
): [EnvelopeResult, EnvelopeResult] {
  const nyq = fs / 2;
  const single = (): [EnvelopeResult, EnvelopeResult] => [
    computeEnvelope(raw1, fs, params),
    computeEnvelope(raw2, fs, params),
  ];
  // only the usual case is paired: both filters run (cut-offs below Nyquist)
  if (!(params.highpassHz / nyq < 1 && params.lowpassHz / nyq < 1)) return single();
  const hp = butterworth({ order: params.filterOrder, cutoffHz: params.highpassHz, fs, kind: 'highpass' });
  const lp = butterworth({ order: params.filterOrder, cutoffHz: params.lowpassHz, fs, kind: 'lowpass' });
  // too short to pad: computeEnvelope raises the error it raises for one signal
  const padlen = 3 * Math.max(hp.a.length, hp.b.length, lp.a.length, lp.b.length);
  if (raw1.length <= padlen) return single();
  const [h1, h2] = filtfiltViewPair(hp.b, hp.a, raw1, raw2, false, [SCRATCH_A, SCRATCH_C]);
  // rectification fused into the low-pass input, as in computeEnvelope
  const [l1, l2] = filtfiltViewPair(lp.b, lp.a, h1, h2, true, [SCRATCH_B, SCRATCH_D]);
  const steps = [
    `High-pass filter: ${params.highpassHz}Hz, order ${params.filterOrder}`,
    'Full-wave rectification',
    `Low-pass filter for envelope: ${params.lowpassHz}Hz, order ${params.filterOrder}`,
  ];
  const m = Math.trunc((params.smoothingWindowMs / 1000) * fs);
  if (m > 1) steps.push(`Moving average smoothing: ${params.smoothingWindowMs}ms window (${m} samples)`);
  const finish = (x: Float64Array): EnvelopeResult => ({
    envelope: m > 1 ? movingAverage(x, m) : x.slice(),
    smoothingWindowSamples: m,
    steps: [...steps],
  });
  return [finish(l1), finish(l2)];
}
