// MVC from a calibration trial: the mean of the best (highest-mean) window of the envelope
// (SENIAM; Konrad, "ABC of EMG": mean of the best 0.5-1 s of a maximal isometric trial).
import { extremeWindow } from './extreme-window.js';

export interface MvcWindow {
  /** Mean envelope over the window, V. */
  value: number;
  start: number;
  end: number;
}

export function bestWindowMean(env: ArrayLike<number>, w: number): MvcWindow {
  if (env.length === 0) throw new RangeError('MVC window of an empty envelope');
  const { start, end } = extremeWindow(env, w, 'highest');
  let s = 0;
  for (let i = start; i < end; i++) s += env[i]!;
  return { value: s / (end - start), start, end };
}
