// The order-4 kernels against the plain loop they replace (lfilterGeneral), bit for bit: every
// output sample and the final state, forward and backward, with the envelope's Butterworth
// designs and with arbitrary stable-ish coefficients.
import { describe, expect, it } from '@jest/globals';
import { butterworth } from '../filters/butterworth.js';
import { lfilterGeneral, normalizeTf } from '../filters/lfilter.js';
import { lfilter4, lfilter4Pair } from './lfilter4.js';

function signal(n: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    x[i] = Math.sin(i * 0.05) * 1e-3 + ((s >>> 8) / 2 ** 24 - 0.5) * 1e-4;
  }
  return x;
}

function expectSameBits(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  let mismatches = 0;
  for (let i = 0; i < expected.length; i++) if (!Object.is(actual[i], expected[i])) mismatches++;
  expect(mismatches).toBe(0);
}

const designs = [
  ['high-pass 20 Hz', butterworth({ order: 4, cutoffHz: 20, fs: 990, kind: 'highpass' })],
  ['low-pass 10 Hz', butterworth({ order: 4, cutoffHz: 10, fs: 990, kind: 'lowpass' })],
  ['arbitrary', { b: [0.2, -0.1, 0.05, 0.3, -0.02], a: [1.5, -0.4, 0.1, 0.03, -0.01] }],
] as const;

describe.each(designs)('order-4 kernels, %s', (_name, tf) => {
  const { b, a } = normalizeTf(tf.b, tf.a);
  const z0 = Float64Array.from([0.1, -0.2, 0.05, 0.01]);

  it.each([false, true])('lfilter4 equals lfilterGeneral (reverse %s)', (reverse) => {
    const x = signal(5000, 3);
    const ref = x.slice();
    const zRef = z0.slice();
    lfilterGeneral(b, a, ref, zRef, reverse);
    const z = z0.slice();
    lfilter4(b, a, x, z, reverse);
    expectSameBits(x, ref);
    expectSameBits(z, zRef);
  });

  it.each([false, true])('lfilter4Pair equals lfilterGeneral on each signal (reverse %s)', (reverse) => {
    const x = signal(5000, 5);
    const u = signal(5000, 11);
    const refX = x.slice();
    const refU = u.slice();
    const zRef = z0.slice();
    const wRef = z0.map((v) => -v);
    lfilterGeneral(b, a, refX, zRef, reverse);
    lfilterGeneral(b, a, refU, wRef, reverse);
    const z = z0.slice();
    const w = z0.map((v) => -v);
    lfilter4Pair(b, a, x, z, u, w, reverse);
    expectSameBits(x, refX);
    expectSameBits(u, refU);
    expectSameBits(z, zRef);
    expectSameBits(w, wRef);
  });
});
