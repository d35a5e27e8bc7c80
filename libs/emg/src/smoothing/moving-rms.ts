import { movingAverage } from './moving-average.js';

/**
 * Moving RMS: sqrt(convolve(x^2, ones(w')/w', 'same')) with w' = min(w, N), as the original's
 * display envelope (applied there to |raw| with w = int(0.05 * fs)).
 */
export function movingRms(x: ArrayLike<number>, window: number): Float64Array {
  const n = x.length;
  const w = Math.min(window, n);
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) sq[i] = x[i]! * x[i]!;
  if (n === 0) return sq;
  const ms = movingAverage(sq, w);
  // the running sum of squares can end a hair below 0 where numpy's direct sum is 0
  for (let i = 0; i < ms.length; i++) ms[i] = Math.sqrt(ms[i]! > 0 ? ms[i]! : 0);
  return ms;
}
