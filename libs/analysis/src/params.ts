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

/** The processing options' keys. */
export const PROCESSING_OPTION_KEYS = [
  'threshold_factor',
  'min_duration_ms',
  'smoothing_window',
] as const satisfies readonly (keyof ProcessingOptionsParams)[];
/** The session parameters that are one number (or null). */
export const SESSION_NUMBER_KEYS = [
  'session_mvc_value',
  'session_mvc_threshold_percentage',
  'session_expected_contractions',
  'session_expected_contractions_ch1',
  'session_expected_contractions_ch2',
  'contraction_duration_threshold',
] as const satisfies readonly (keyof SessionParams)[];
/** The session parameters that are a number (or null) per channel. */
export const SESSION_MAP_KEYS = [
  'session_mvc_values',
  'session_mvc_threshold_percentages',
  'session_duration_thresholds_per_muscle',
] as const satisfies readonly (keyof SessionParams)[];
export const SESSION_PARAM_KEYS = [...SESSION_NUMBER_KEYS, ...SESSION_MAP_KEYS] as const;

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
    if (v === undefined || v === null) return;
    if (!isObj(v)) problems.push(`${where} must be an object`);
    else for (const [k, x] of Object.entries(v)) num(`${where}.${k}`, x, true);
  };
  const po = p.processing_options;
  if (po !== undefined) {
    if (!isObj(po)) problems.push('processing_options must be an object');
    else for (const k of PROCESSING_OPTION_KEYS) num(`processing_options.${k}`, po[k], true);
  }
  const sp = p.session_params;
  if (sp !== undefined) {
    if (!isObj(sp)) problems.push('session_params must be an object');
    else {
      for (const k of SESSION_NUMBER_KEYS) num(`session_params.${k}`, sp[k], true);
      for (const k of SESSION_MAP_KEYS) map(`session_params.${k}`, sp[k]);
    }
  }
  return problems;
}

const SESSION_MAPS = [
  'session_mvc_values',
  'session_mvc_threshold_percentages',
  'session_duration_thresholds_per_muscle',
] as const;

/** A copy of `o` without its null and undefined members. */
function withoutNulls<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/**
 * Untrusted parameters as the analysis reads them: a member sent as null (JSON `null`, or a
 * browser form's JSON-stringified object with null members) means "not given", never 0 and
 * never "none". Call after {@link validateAnalysisParams}.
 */
export function normalizeAnalysisParams(p: AnalysisParams): AnalysisParams {
  const out: AnalysisParams = {};
  if (p.processing_options) {
    const po = withoutNulls(p.processing_options);
    if (Object.keys(po).length > 0) out.processing_options = po;
  }
  if (p.session_params) {
    const sp: SessionParams = withoutNulls(p.session_params);
    for (const key of SESSION_MAPS) {
      const map = sp[key];
      if (map === undefined) continue;
      const kept = withoutNulls(map);
      if (Object.keys(kept).length > 0) sp[key] = kept;
      else delete sp[key];
    }
    if (Object.keys(sp).length > 0) out.session_params = sp;
  }
  return out;
}

/** Expected contractions of the i-th sorted base channel: _ch1/_ch2 target, else the session target. */
export function expectedContractionsFor(index: number, sp: SessionParams): number | null {
  const per =
    index === 0
      ? sp.session_expected_contractions_ch1
      : index === 1
        ? sp.session_expected_contractions_ch2
        : undefined;
  return per ?? sp.session_expected_contractions ?? null;
}
