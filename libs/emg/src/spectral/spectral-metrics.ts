// Mean/median power frequency and Dimitrov's FInsm5 from one PSD (the original recomputes
// the PSD for each of the three; here all three come from the same spectrum).

export interface SpectralMetrics {
  /** Σ f·P / Σ P over all bins, 0 Hz included; null if Σ P = 0. */
  mpf: number | null;
  /** f of the first bin where cumsum(P) >= Σ P / 2 (no interpolation); null if none. */
  mdf: number | null;
  /** Σ P/f / Σ P·f^5 over bins with f > 0, no band limit; null if the denominator is 0. */
  fiNsm5: number | null;
}

export function spectralMetrics(f: ArrayLike<number>, p: ArrayLike<number>, nb = p.length): SpectralMetrics {
  let total = 0;
  let moment = 0;
  let num = 0;
  let den = 0;
  for (let k = 0; k < nb; k++) {
    const pk = p[k]!;
    const fk = f[k]!;
    total += pk;
    moment += fk * pk;
    if (fk > 0) {
      num += pk * (1 / fk);
      den += pk * fk ** 5;
    }
  }
  let mdf: number | null = null;
  const half = total * 0.5;
  let cum = 0;
  for (let k = 0; k < nb; k++) {
    cum += p[k]!;
    if (cum >= half) {
      mdf = f[k]!;
      break;
    }
  }
  return { mpf: total > 0 ? moment / total : null, mdf, fiNsm5: den !== 0 ? num / den : null };
}
