// The clinical flags of one contraction (original analyze_contractions step 9), shared by the
// detection and by re-evaluation against new thresholds.

export interface ContractionFlags {
  meetsMvc: boolean;
  meetsDuration: boolean;
  isGood: boolean;
}

/**
 * meets_mvc: peak >= MVC threshold; meets_duration: duration >= duration threshold; is_good:
 * both when both thresholds exist, else the one that exists, else false.
 */
export function contractionFlags(
  maxAmplitude: number,
  durationMs: number,
  mvcThreshold: number | null,
  durationThresholdMs: number | null,
): ContractionFlags {
  const meetsMvc = mvcThreshold !== null && maxAmplitude >= mvcThreshold;
  const meetsDuration = durationThresholdMs !== null && durationMs >= durationThresholdMs;
  const isGood =
    mvcThreshold !== null && durationThresholdMs !== null
      ? meetsMvc && meetsDuration
      : mvcThreshold !== null
        ? meetsMvc
        : durationThresholdMs !== null && meetsDuration;
  return { meetsMvc, meetsDuration, isGood };
}
