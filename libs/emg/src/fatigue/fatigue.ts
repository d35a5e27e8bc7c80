// Fatigue over a session read as trends across contractions (Merletti et al.; Dimitrov et al. 2006).
import { linearTrend, type Trend } from './trend.js';

export interface FatigueInput {
  midTimeS: number;
  mdf: number | null;
  mnf: number | null;
  fiNsm5: number | null;
}

export interface FatigueResult {
  /** MDF (Hz) against contraction mid-time (s): slope Hz/s and %/s of the initial value. */
  mdf: Trend | null;
  mnf: Trend | null;
  /** Contractions with spectral values (the n of the slopes). */
  n: number;
  fiNsm5: {
    /** Mean FInsm5 of the first `baselineCount` contractions with a value. */
    baseline: number | null;
    baselineCount: number;
    /** 100 x (FI / baseline - 1) per contraction with a value, in contraction order. */
    changePct: number[];
    /** Mean change of the last `baselineCount` contractions, %. */
    finalChangePct: number | null;
    /** Trend of changePct over time, %/s (its slope; slopePct is not meaningful here). */
    trend: Trend | null;
  };
}

export function fatigueTrends(
  contractions: readonly FatigueInput[],
  baselineCount: number,
  confidence: number,
): FatigueResult {
  const withSpec = contractions.filter((c) => c.mdf !== null && c.mnf !== null);
  const t = withSpec.map((c) => c.midTimeS);
  const withFi = contractions.filter((c) => c.fiNsm5 !== null);
  let baseline: number | null = null;
  let changePct: number[] = [];
  let finalChangePct: number | null = null;
  if (withFi.length >= baselineCount && baselineCount > 0) {
    let s = 0;
    for (let i = 0; i < baselineCount; i++) s += withFi[i]!.fiNsm5!;
    baseline = s / baselineCount;
    const b = baseline;
    changePct = withFi.map((c) => 100 * (c.fiNsm5! / b - 1));
    let l = 0;
    for (let i = changePct.length - baselineCount; i < changePct.length; i++) l += changePct[i]!;
    finalChangePct = l / baselineCount;
  }
  return {
    mdf: linearTrend(
      t,
      withSpec.map((c) => c.mdf!),
      confidence,
    ),
    mnf: linearTrend(
      t,
      withSpec.map((c) => c.mnf!),
      confidence,
    ),
    n: withSpec.length,
    fiNsm5: {
      baseline,
      baselineCount,
      changePct,
      finalChangePct,
      trend:
        baseline === null
          ? null
          : linearTrend(
              withFi.map((c) => c.midTimeS),
              changePct,
              confidence,
            ),
    },
  };
}
