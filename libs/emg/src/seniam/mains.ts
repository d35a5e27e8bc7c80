// Mains interference, measured and reported (not notched): power in the lines at each
// fundamental's harmonics against the median of neighbouring bins.
import { welch } from '../spectral/welch.js';
import { percentile } from '../stats/percentile.js';
import type { SeniamParams } from '../profiles/types.js';

export interface MainsLine {
  hz: number;
  /** 10 log10(highest of the 3 bins around the line / neighbour median), dB. */
  ratioDb: number | null;
}

export interface MainsFundamental {
  fundamentalHz: number;
  lines: MainsLine[];
  /** sum over lines of max(0, power of the 3 line bins - 3 x neighbour median), over band power. */
  fraction: number;
}

export interface MainsReport {
  binHz: number;
  fundamentals: MainsFundamental[];
  /** Largest fraction among the fundamentals. */
  fraction: number;
}

/** null when the signal is shorter than one segment or has no band power. */
export function mainsInterference(
  x: ArrayLike<number>,
  fs: number,
  lowHz: number,
  highHz: number,
  p: SeniamParams['mains'],
): MainsReport | null {
  if (x.length < p.nperseg) return null;
  const { f, p: psd } = welch(x, fs, { nperseg: p.nperseg });
  const df = f[1]!;
  let band = 0;
  for (let k = 0; k < f.length; k++) if (f[k]! >= lowHz && f[k]! <= highHz) band += psd[k]!;
  if (!(band > 0)) return null;
  const fundamentals = p.fundamentalsHz.map((f0) => {
    const lines: MainsLine[] = [];
    let excess = 0;
    for (let h = 1; h * f0 <= highHz; h++) {
      const hz = h * f0;
      if (hz < lowHz) continue;
      const k0 = Math.round(hz / df);
      if (k0 < 1 || k0 + 1 >= f.length) continue;
      const neighbours: number[] = [];
      for (let k = 0; k < f.length; k++) {
        const d = Math.abs(f[k]! - hz);
        if (d >= p.neighbourInnerHz && d <= p.neighbourOuterHz) neighbours.push(psd[k]!);
      }
      const floor = neighbours.length ? percentile(neighbours, 50) : 0;
      const peak = Math.max(psd[k0 - 1]!, psd[k0]!, psd[k0 + 1]!);
      const line = psd[k0 - 1]! + psd[k0]! + psd[k0 + 1]!;
      excess += Math.max(0, line - 3 * floor);
      lines.push({ hz, ratioDb: floor > 0 && peak > 0 ? 10 * Math.log10(peak / floor) : null });
    }
    return { fundamentalHz: f0, lines, fraction: excess / band };
  });
  return { binHz: df, fundamentals, fraction: Math.max(0, ...fundamentals.map((m) => m.fraction)) };
}
