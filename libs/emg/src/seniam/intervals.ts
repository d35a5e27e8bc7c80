// Active runs of a boolean series and the minimum on/off durations applied to them.

/** Half-open sample interval [start, end): end is the first inactive sample. */
export interface Span {
  start: number;
  end: number;
}

/** Runs where x[i] > threshold (strict). */
export function runsAbove(x: ArrayLike<number>, threshold: number): Span[] {
  const out: Span[] = [];
  let s = -1;
  for (let i = 0; i < x.length; i++) {
    const on = x[i]! > threshold;
    if (on && s < 0) s = i;
    else if (!on && s >= 0) {
      out.push({ start: s, end: i });
      s = -1;
    }
  }
  if (s >= 0) out.push({ start: s, end: x.length });
  return out;
}

/**
 * Bridges gaps shorter than minOff samples (overlapping spans merge too), then drops spans
 * shorter than minOn samples. Input sorted by start.
 */
export function applyMinDurations(spans: readonly Span[], minOn: number, minOff: number): Span[] {
  const merged: Span[] = [];
  for (const sp of spans) {
    const last = merged[merged.length - 1];
    if (last && sp.start - last.end < minOff) last.end = Math.max(last.end, sp.end);
    else merged.push({ start: sp.start, end: sp.end });
  }
  return merged.filter((sp) => sp.end - sp.start >= minOn);
}

/** Samples of a duration in ms, truncated as the original converts ms (int(ms / 1000 * fs)). */
export function msToSamples(ms: number, fs: number): number {
  return Math.trunc((ms / 1000) * fs);
}
