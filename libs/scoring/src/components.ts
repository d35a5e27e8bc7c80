// Session-level score components: compliance, symmetry, effort, game.
import type { ScoringConfig } from './config.js';

/** 1 when no BFR pressure was recorded or it lies in the gate window (inclusive), else 0. */
export function bfrGate(pressureAop: number | null | undefined, gate: ScoringConfig['bfrGate']): 0 | 1 {
  if (pressureAop === null || pressureAop === undefined) return 1;
  return pressureAop >= gate.minAop && pressureAop <= gate.maxAop ? 1 : 0;
}

/** (1 - |L - R| / (L + R)) x 100; 0 when both are 0. */
export function symmetryScore(left: number, right: number): number {
  const s = left + right;
  return s > 0 ? (1 - Math.abs(left - right) / s) * 100 : 0;
}

/** Effort score of an RPE through the configuration's single mapping. */
export function effortScore(
  rpe: number,
  config: Pick<ScoringConfig, 'rpeMapping' | 'rpeUnmappedScore'>,
): number {
  const v = Number.isInteger(rpe) ? config.rpeMapping[rpe] : undefined;
  return v ?? config.rpeUnmappedScore;
}

/** points / max x 100 (not capped); 0 when max = 0; null when either is missing. */
export function gameScore(
  achieved: number | null | undefined,
  max: number | null | undefined,
): number | null {
  if (achieved === null || achieved === undefined || max === null || max === undefined) return null;
  return max === 0 ? 0 : (achieved / max) * 100;
}

export interface WeightedComponent {
  score: number | null;
  weight: number;
}

/**
 * Σ w_i s_i / Σ w_i over components with a score. Null unless compliance and symmetry are
 * present and at least two components are available (original WeightManager).
 */
export function overallScore(c: {
  compliance: WeightedComponent;
  symmetry: WeightedComponent;
  effort: WeightedComponent;
  game: WeightedComponent;
}): number | null {
  if (c.compliance.score === null || c.symmetry.score === null) return null;
  const avail = [c.compliance, c.symmetry, c.effort, c.game].filter((x) => x.score !== null);
  if (avail.length < 2) return null;
  let num = 0;
  let den = 0;
  for (const x of avail) {
    num += x.weight * x.score!;
    den += x.weight;
  }
  return den > 0 ? num / den : null;
}
