import type { AnalysisParams, SessionParams } from '@app/analysis';

/**
 * The clinical targets of a scoring configuration (scoring_configuration.target_defaults),
 * applied to a session's analysis where the session itself sets nothing. Channel 1 and 2 are
 * the recording's CH1 and CH2 (left and right muscle).
 */
export interface ConfigTargets {
  mvcThresholdPercentage?: number;
  durationMs: { CH1?: number; CH2?: number };
  contractions: { CH1?: number; CH2?: number };
}

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;

/** Reads target_defaults; unknown or invalid keys are ignored (the profile's defaults apply). */
export function parseTargets(json: unknown): ConfigTargets {
  const t =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  const pct = num(t.mvc_threshold_percentage);
  return {
    mvcThresholdPercentage: pct !== undefined && pct <= 100 ? pct : undefined,
    durationMs: { CH1: num(t.target_duration_ch1_ms), CH2: num(t.target_duration_ch2_ms) },
    contractions: { CH1: num(t.target_contractions_ch1), CH2: num(t.target_contractions_ch2) },
  };
}

/**
 * The session's parameters completed with the configuration's targets. Anything the session
 * states (even null) wins: a global duration or expected count stated for the session is not
 * overridden by a per-channel target.
 */
export function withConfigTargets(params: AnalysisParams, targets: ConfigTargets): AnalysisParams {
  const sp: SessionParams = { ...params.session_params };
  if (sp.session_mvc_threshold_percentage === undefined && targets.mvcThresholdPercentage !== undefined) {
    sp.session_mvc_threshold_percentage = targets.mvcThresholdPercentage;
  }
  const { CH1: d1, CH2: d2 } = targets.durationMs;
  if (
    sp.session_duration_thresholds_per_muscle === undefined &&
    sp.contraction_duration_threshold === undefined &&
    (d1 || d2)
  ) {
    sp.session_duration_thresholds_per_muscle = {
      ...(d1 !== undefined ? { CH1: d1 / 1000 } : {}),
      ...(d2 !== undefined ? { CH2: d2 / 1000 } : {}),
    };
  }
  if (sp.session_expected_contractions === undefined) {
    if (sp.session_expected_contractions_ch1 === undefined && targets.contractions.CH1 !== undefined) {
      sp.session_expected_contractions_ch1 = targets.contractions.CH1;
    }
    if (sp.session_expected_contractions_ch2 === undefined && targets.contractions.CH2 !== undefined) {
      sp.session_expected_contractions_ch2 = targets.contractions.CH2;
    }
  }
  return { ...params, session_params: sp };
}
