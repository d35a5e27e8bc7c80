// The "processed" envelope of ghostly-v1: high-pass, full-wave rectification, low-pass
// (Butterworth, zero-phase filtfilt), then a moving average (original preprocess_emg_signal).
import { butterworth, type TransferFunction } from './filters/butterworth.js';
import { filtfiltView, filtfiltViewPair } from './filters/filtfilt.js';
import type { EnvelopeParams } from './profiles/types.js';
import { movingAverage } from './smoothing/moving-average.js';
import { rectify } from './smoothing/rectify.js';
import { SLOT_A, SLOT_B, SLOT_C, SLOT_D, type Workspace } from './workspace.js';

export interface EnvelopeResult {
  envelope: Float64Array;
  /** Moving-average length actually used (samples). */
  smoothingWindowSamples: number;
  steps: string[];
}

const RECTIFY_STEP = 'Full-wave rectification';
const highpassStep = (p: EnvelopeParams) => `High-pass filter: ${p.highpassHz}Hz, order ${p.filterOrder}`;
const lowpassStep = (p: EnvelopeParams) =>
  `Low-pass filter for envelope: ${p.lowpassHz}Hz, order ${p.filterOrder}`;

/** The Butterworth design of one envelope filter, or null: the original skips a filter whose normalised cut-off is >= 1. */
function envelopeFilter(
  kind: 'highpass' | 'lowpass',
  p: EnvelopeParams,
  fs: number,
): TransferFunction | null {
  const cutoffHz = kind === 'highpass' ? p.highpassHz : p.lowpassHz;
  return cutoffHz / (fs / 2) < 1 ? butterworth({ order: p.filterOrder, cutoffHz, fs, kind }) : null;
}

/** The moving average (or a copy), into a fresh array of its own: `x` may be a workspace view. */
function smoothed(x: Float64Array, p: EnvelopeParams, fs: number, steps: string[]): EnvelopeResult {
  const m = Math.trunc((p.smoothingWindowMs / 1000) * fs);
  if (m <= 1) return { envelope: x.slice(), smoothingWindowSamples: m, steps };
  steps.push(`Moving average smoothing: ${p.smoothingWindowMs}ms window (${m} samples)`);
  return { envelope: movingAverage(x, m), smoothingWindowSamples: m, steps };
}

/** The envelope of one signal; intermediate results go to `ws` when given. */
export function computeEnvelope(
  raw: ArrayLike<number>,
  fs: number,
  params: EnvelopeParams,
  ws?: Workspace,
): EnvelopeResult {
  const hp = envelopeFilter('highpass', params, fs);
  const lp = envelopeFilter('lowpass', params, fs);
  const steps: string[] = [];
  let x = hp ? filtfiltView(hp.b, hp.a, raw, {}, false, ws, SLOT_A) : Float64Array.from(raw);
  if (hp) steps.push(highpassStep(params));
  steps.push(RECTIFY_STEP);
  if (lp) {
    // rectification fused into the low-pass input
    x = filtfiltView(lp.b, lp.a, x, {}, true, ws, SLOT_B);
    steps.push(lowpassStep(params));
  } else rectify(x, x);
  return smoothed(x, params, fs, steps);
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
  ws?: Workspace,
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
    [out[j], out[i]] = computeEnvelopePair(raws[j]!, raw, fs, params, ws);
  });
  for (const i of pending) out[i] = computeEnvelope(raws[i]!, fs, params, ws);
  return out;
}

function computeEnvelopePair(
  raw1: ArrayLike<number>,
  raw2: ArrayLike<number>,
  fs: number,
  params: EnvelopeParams,
  ws: Workspace | undefined,
): [EnvelopeResult, EnvelopeResult] {
  const hp = envelopeFilter('highpass', params, fs);
  const lp = envelopeFilter('lowpass', params, fs);
  // only the usual case is paired: both filters run, and the signals are longer than the padding
  // (computeEnvelope raises the error it raises for one signal)
  const padlen = hp && lp ? 3 * Math.max(hp.a.length, hp.b.length, lp.a.length, lp.b.length) : 0;
  if (!hp || !lp || raw1.length <= padlen)
    return [computeEnvelope(raw1, fs, params, ws), computeEnvelope(raw2, fs, params, ws)];
  const [h1, h2] = filtfiltViewPair(hp.b, hp.a, raw1, raw2, false, ws, [SLOT_A, SLOT_C]);
  // rectification fused into the low-pass input, as in computeEnvelope
  const [l1, l2] = filtfiltViewPair(lp.b, lp.a, h1, h2, true, ws, [SLOT_B, SLOT_D]);
  const steps = () => [highpassStep(params), RECTIFY_STEP, lowpassStep(params)];
  return [smoothed(l1, params, fs, steps()), smoothed(l2, params, fs, steps())];
}
