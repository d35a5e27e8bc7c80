// MVC threshold cascade and duration threshold of ghostly-v1 (original calculate_analytics).
import { percentile } from '../stats/percentile.js';
import type { Workspace } from '../workspace.js';

export type MvcEstimationMethod = 'user_provided' | 'global_provided' | 'backend_estimation';

export interface MvcInputs {
  /** session_mvc_values[channel] (V). */
  channelMvcValue?: number | null;
  /** session_mvc_threshold_percentages[channel]. */
  channelThresholdPercentage?: number | null;
  /** session_mvc_value (V). */
  globalMvcValue?: number | null;
  /** session_mvc_threshold_percentage. */
  globalThresholdPercentage?: number | null;
}

export interface MvcThreshold {
  /** MVC value behind the threshold (given, or estimated). */
  mvcValue: number;
  thresholdPercentage: number;
  /** mvcValue x percentage / 100 (V). */
  threshold: number;
  method: MvcEstimationMethod;
}

const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;

/**
 * 1. per-channel MVC (percentage: per-channel, else global, else default);
 * 2. global MVC with a global percentage;
 * 3. estimate: the given percentile of the processed envelope, with the global or default %.
 * The envelope is only read in case 3 (its percentile's selection copy goes to `ws` when given).
 */
export function resolveMvcThreshold(
  inputs: MvcInputs,
  envelope: ArrayLike<number>,
  defaults: { defaultThresholdPercentage: number; estimationPercentile: number },
  ws?: Workspace,
): MvcThreshold {
  const pctDefault = has(inputs.globalThresholdPercentage)
    ? inputs.globalThresholdPercentage
    : defaults.defaultThresholdPercentage;
  if (has(inputs.channelMvcValue)) {
    const pct = has(inputs.channelThresholdPercentage) ? inputs.channelThresholdPercentage : pctDefault;
    return {
      mvcValue: inputs.channelMvcValue,
      thresholdPercentage: pct,
      threshold: (inputs.channelMvcValue * pct) / 100,
      method: 'user_provided',
    };
  }
  if (has(inputs.globalMvcValue) && has(inputs.globalThresholdPercentage)) {
    const pct = inputs.globalThresholdPercentage;
    return {
      mvcValue: inputs.globalMvcValue,
      thresholdPercentage: pct,
      threshold: (inputs.globalMvcValue * pct) / 100,
      method: 'global_provided',
    };
  }
  const mvc = percentile(envelope, defaults.estimationPercentile, ws);
  return {
    mvcValue: mvc,
    thresholdPercentage: pctDefault,
    threshold: (mvc * pctDefault) / 100,
    method: 'backend_estimation',
  };
}

export interface DurationInputs {
  /** session_duration_thresholds_per_muscle (seconds). A present key wins, even when null. */
  perMuscleSeconds?: Record<string, number | null> | null;
  /** contraction_duration_threshold (ms); undefined means the profile default, null means none. */
  globalMs?: number | null;
}

/** Duration threshold in ms, or null (then no contraction meets the duration criterion). */
export function resolveDurationThreshold(
  channel: string,
  inputs: DurationInputs,
  defaultMs: number,
): number | null {
  const per = inputs.perMuscleSeconds;
  if (per && Object.prototype.hasOwnProperty.call(per, channel)) {
    const v = per[channel];
    return has(v) ? v * 1000 : null;
  }
  return inputs.globalMs === undefined ? defaultMs : inputs.globalMs;
}
