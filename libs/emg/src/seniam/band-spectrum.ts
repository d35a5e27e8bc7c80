// Spectral descriptors over a frequency band [lo, hi] of a one-sided PSD.

export interface BandSpectrum {
  /** Mean frequency sum(f P) / sum(P), Hz. */
  mnf: number;
  /** Median frequency, the cumulative band power interpolated linearly between bins, Hz. */
  mdf: number;
  /** Dimitrov's FInsm5 = sum(f^-1 P) / sum(f^5 P) over the band, Hz^-6. */
  fiNsm5: number;
  /** Band power sum(P) (PSD units x bins). */
  power: number;
}

/** null when the band holds no bin or no power. lo must be > 0 (f^-1). */
export function bandSpectrum(
  f: ArrayLike<number>,
  p: ArrayLike<number>,
  lo: number,
  hi: number,
): BandSpectrum | null {
  let tot = 0;
  let fp = 0;
  let inv = 0;
  let f5 = 0;
  let first = -1;
  let last = -1;
  for (let k = 0; k < f.length; k++) {
    const fk = f[k]!;
    if (fk < lo || fk > hi) continue;
    if (first < 0) first = k;
    last = k;
    const pk = p[k]!;
    tot += pk;
    fp += fk * pk;
    inv += pk / fk;
    f5 += fk * fk * fk * fk * fk * pk;
  }
  if (first < 0 || !(tot > 0)) return null;
  const half = tot / 2;
  let cum = 0;
  let mdf = f[last]!;
  for (let k = first; k <= last; k++) {
    const next = cum + p[k]!;
    if (next >= half) {
      mdf = k === first ? f[k]! : f[k - 1]! + ((half - cum) / (next - cum)) * (f[k]! - f[k - 1]!);
      break;
    }
    cum = next;
  }
  return { mnf: fp / tot, mdf, fiNsm5: inv / f5, power: tot };
}
