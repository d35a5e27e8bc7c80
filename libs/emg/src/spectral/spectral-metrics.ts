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

/** Per-bin FI weights f^-1 and f^5 (0 where f <= 0), so repeated PSDs skip the powers. */
export interface SpectralWeights {
  inv: Float64Array;
  pow5: Float64Array;
}

export function spectralWeights(f: ArrayLike<number>): SpectralWeights {
  const inv = new Float64Array(f.length);
  const pow5 = new Float64Array(f.length);
  for (let k = 0; k < f.length; k++) {
    const fk = f[k]!;
    if (fk > 0) {
      inv[k] = 1 / fk;
      pow5[k] = fk ** 5;
    }
  }
  return { inv, pow5 };
}

export function spectralMetrics(
  f: ArrayLike<number>,
  p: ArrayLike<number>,
  nb = p.length,
  w?: SpectralWeights,
): SpectralMetrics {
  const { inv, pow5 } = w ?? spectralWeights(f);
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
      num += pk * inv[k]!;
      den += pk * pow5[k]!;
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
