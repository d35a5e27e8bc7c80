export interface Contraction {
  startIndex: number;
  /** First sample back below the threshold (exclusive for the duration, inclusive for amplitude). */
  endIndex: number;
  startTimeMs: number;
  endTimeMs: number;
  durationMs: number;
  meanAmplitude: number;
  maxAmplitude: number;
  meetsMvc: boolean;
  meetsDuration: boolean;
  isGood: boolean;
}

/** Half-open-ish sample interval [start, end] as produced by edge detection. */
export interface Interval {
  start: number;
  end: number;
}
