// Upload parameters under the original's names (snake_case, as the original's form fields and
// the CLI's PARAMS.json). Absent means the original's default.

export interface ProcessingOptionsParams {
  /** Envelope-timing threshold factor (default 0.10; ignored when an activated channel exists). */
  threshold_factor?: number;
  /** Minimum contraction duration, ms (default 100). */
  min_duration_ms?: number;
  /** Detection moving-average length in SAMPLES (default 100). */
  smoothing_window?: number;
}

export interface SessionParams {
  session_mvc_value?: number | null;
  /** Default 75. */
  session_mvc_threshold_percentage?: number | null;
  session_mvc_values?: Record<string, number | null>;
  session_mvc_threshold_percentages?: Record<string, number | null>;
  session_expected_contractions?: number | null;
  session_expected_contractions_ch1?: number | null;
  session_expected_contractions_ch2?: number | null;
  /** ms; default 2000. */
  contraction_duration_threshold?: number | null;
  /** seconds, per base channel; a present key wins even when null. */
  session_duration_thresholds_per_muscle?: Record<string, number | null>;
}

export interface AnalysisParams {
  processing_options?: ProcessingOptionsParams;
  session_params?: SessionParams;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the shape of untrusted params (e.g. a PARAMS.json); returns a list of problems. */
export function validateAnalysisParams(p: unknown): string[] {
  const problems: string[] = [];
  if (!isObj(p)) return ['params must be an object'];
  const num = (where: string, v: unknown, nullable: boolean) => {
    if (v === undefined || (nullable && v === null)) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${where} must be a number`);
  };
  const map = (where: string, v: unknown) => {
    if (v === undefined) return;
    if (!isObj(v)) problems.push(`${where} must be an object`);
    else for (const [k, x] of Object.entries(v)) num(`${where}.${k}`, x, true);
  };
  const po = p.processing_options;
  if (po !== undefined) {
    if (!isObj(po)) problems.push('processing_options must be an object');
    else
      for (const k of ['threshold_factor', 'min_duration_ms', 'smoothing_window'])
        num(`processing_options.${k}`, po[k], false);
  }
  const sp = p.session_params;
  if (sp !== undefined) {
    if (!isObj(sp)) problems.push('session_params must be an object');
    else {
      for (const k of [
        'session_mvc_value',
        'session_mvc_threshold_percentage',
        'session_expected_contractions',
        'session_expected_contractions_ch1',
        'session_expected_contractions_ch2',
        'contraction_duration_threshold',
      ]) {
        num(`session_params.${k}`, sp[k], true);
      }
      for (const k of [
        'session_mvc_values',
        'session_mvc_threshold_percentages',
        'session_duration_thresholds_per_muscle',
      ])
        map(`session_params.${k}`, sp[k]);
    }
  }
  return problems;
}
