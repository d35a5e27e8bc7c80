// refineIntervals (minimum duration -> merge -> split, in the original's order) and one
// detectContractions run on a synthetic signal whose contractions follow from the rules by hand.
import { describe, expect, it } from '@jest/globals';
import { GHOSTLY_V1 } from '../profiles/ghostly-v1.js';
import { detectContractions, type DetectionOptions } from './detect-contractions.js';
import { refineIntervals, type RefineOptions } from './refine-intervals.js';
import type { Interval } from './types.js';

const iv = (pairs: [number, number][]): Interval[] => pairs.map(([start, end]) => ({ start, end }));
const pairs = (list: Interval[]): [number, number][] => list.map((c) => [c.start, c.end]);
/** Large merge gap and split length switch those steps off where a test looks at another one. */
const base: RefineOptions = { minSamples: 10, mergeGapSamples: 0, maxSamples: 1e9, refractorySamples: 0 };

describe('refineIntervals: minimum duration', () => {
  it('keeps end - start >= minSamples (10 kept, 9 dropped)', () => {
    const r = refineIntervals(
      iv([
        [0, 10],
        [100, 109],
        [200, 250],
      ]),
      base,
    );
    expect(pairs(r.intervals)).toEqual([
      [0, 10],
      [200, 250],
    ]);
    expect(r.preMergeCount).toBe(2);
  });

  it('drops short fragments before merging, so a fragment never bridges a gap', () => {
    // A..S and S..B are 50 apart (<= 60) but A..B is 105 apart: only S could join them
    const input = iv([
      [0, 100],
      [150, 155],
      [205, 300],
    ]);
    const r = refineIntervals(input, { ...base, minSamples: 10, mergeGapSamples: 60 });
    expect(pairs(r.intervals)).toEqual([
      [0, 100],
      [205, 300],
    ]);
    expect(r.preMergeCount).toBe(2);
    // the same input with the fragment long enough to count does chain into one
    const kept = refineIntervals(input, { ...base, minSamples: 5, mergeGapSamples: 60 });
    expect(pairs(kept.intervals)).toEqual([[0, 300]]);
    expect(kept.preMergeCount).toBe(3);
  });
});

describe('refineIntervals: merging', () => {
  it('merges when start - previous end <= mergeGapSamples, exactly at the boundary', () => {
    const o = { ...base, mergeGapSamples: 20 };
    expect(
      pairs(
        refineIntervals(
          iv([
            [0, 50],
            [70, 120],
          ]),
          o,
        ).intervals,
      ),
    ).toEqual([[0, 120]]);
    expect(
      pairs(
        refineIntervals(
          iv([
            [0, 50],
            [71, 120],
          ]),
          o,
        ).intervals,
      ),
    ).toEqual([
      [0, 50],
      [71, 120],
    ]);
  });

  it('chains: each interval is compared with the merged one before it', () => {
    const r = refineIntervals(
      iv([
        [0, 50],
        [60, 100],
        [110, 150],
        [200, 260],
      ]),
      { ...base, mergeGapSamples: 10 },
    );
    expect(pairs(r.intervals)).toEqual([
      [0, 150],
      [200, 260],
    ]);
    // preMergeCount counts what survived the minimum, not the merged result
    expect(r.preMergeCount).toBe(4);
  });

  it('does not modify the input intervals', () => {
    const input = iv([
      [0, 50],
      [60, 100],
    ]);
    refineIntervals(input, { ...base, mergeGapSamples: 10 });
    expect(pairs(input)).toEqual([
      [0, 50],
      [60, 100],
    ]);
  });
});

describe('refineIntervals: splitting', () => {
  it('leaves an interval of exactly maxSamples whole', () => {
    expect(
      pairs(refineIntervals(iv([[0, 10]]), { ...base, minSamples: 1, maxSamples: 10 }).intervals),
    ).toEqual([[0, 10]]);
  });

  it('cuts a longer one into maxSamples pieces 1 sample apart when the refractory period is 0', () => {
    const r = refineIntervals(iv([[0, 25]]), { ...base, minSamples: 1, maxSamples: 10 });
    // 0..10, next starts at 10 + max(1, 0) = 11: 11..21, then 22..25 (the tail may be shorter
    // than minSamples: the original splits after filtering)
    expect(pairs(r.intervals)).toEqual([
      [0, 10],
      [11, 21],
      [22, 25],
    ]);
    expect(r.preMergeCount).toBe(1);
  });

  it('separates pieces by refractorySamples when it is larger than 1', () => {
    const r = refineIntervals(iv([[0, 25]]), {
      ...base,
      minSamples: 1,
      maxSamples: 10,
      refractorySamples: 3,
    });
    // 0..10, 13..23, then the next start 26 is past the end 25: nothing more
    expect(pairs(r.intervals)).toEqual([
      [0, 10],
      [13, 23],
    ]);
  });

  it('splits the merged interval, not its parts', () => {
    const r = refineIntervals(
      iv([
        [0, 8],
        [10, 18],
      ]),
      { minSamples: 1, mergeGapSamples: 2, maxSamples: 10, refractorySamples: 0 },
    );
    expect(pairs(r.intervals)).toEqual([
      [0, 10],
      [11, 18],
    ]);
  });
});

describe('detectContractions on a synthetic signal (ghostly-v1 detection constants, 990 Hz)', () => {
  const fs = 990;
  const d = GHOSTLY_V1.detection;
  // 100-sample smoothing, min 99 samples (100 ms), merge gap 198 (200 ms), split at 9900 (10 s)
  const n = 23000;
  // Timing: blocks of 1 on [a, b). With the 100-sample 'same' moving average (numpy's offset
  // (M - 1) >> 1 = 49), smoothed[k] = (ones in [k - 50, k + 49]) / 100, so for blocks of >= 51
  // samples at least 100 apart the value exceeds 0.505 exactly for k in [a + 1, b - 1]: the
  // interval is [a + 1, b]. 0.505 puts the threshold between 50 and 51 samples of the window.
  const blocks: [number, number][] = [
    [1000, 1500], // A -> [1001, 1500], 499 samples
    [3000, 3400], // B -> [3001, 3400]
    [3597, 3900], // C -> [3598, 3900]; 3598 - 3400 = 198 <= 198: merged with B into [3001, 3900]
    [6000, 21000], // D -> [6001, 21000], 14999 > 9900: split into [6001, 15901], [15902, 21000]
    [21198, 21398], // E -> [21199, 21398]; 21199 - 21000 = 199 > 198: not merged with D
  ];
  const timing = new Float64Array(n);
  for (const [a, b] of blocks) timing.fill(1, a, b);
  // Amplitude (|envelope| over [start, end] inclusive): A 3, B 1 and C 2 (merged max 2), the
  // first piece of D -1.5 (|.| = 1.5) and the second 2.5, E 0.5.
  const envelope = new Float64Array(n);
  envelope.fill(3, 1000, 1500);
  envelope.fill(1, 3000, 3400);
  envelope.fill(2, 3597, 3900);
  envelope.fill(-1.5, 6000, 15902);
  envelope.fill(2.5, 15902, 21000);
  envelope.fill(0.5, 21198, 21398);

  const options = (mvcThreshold: number | null, durationThresholdMs: number | null): DetectionOptions => ({
    fs,
    thresholdFactor: 0.505,
    minDurationMs: d.minDurationMs,
    smoothingWindow: d.smoothingWindowSamples,
    mergeThresholdMs: d.mergeThresholdMs,
    refractoryPeriodMs: d.refractoryPeriodMs,
    maxContractionDurationMs: d.maxContractionDurationMs,
    minPeak: d.minPeak,
    mvcThreshold,
    durationThresholdMs,
  });
  // MVC threshold 2 (C's max sits on it: >= passes); duration threshold 1000 ms (only D's pieces)
  const expected = [
    { startIndex: 1001, endIndex: 1500, maxAmplitude: 3, meetsMvc: true, meetsDuration: false },
    { startIndex: 3001, endIndex: 3900, maxAmplitude: 2, meetsMvc: true, meetsDuration: false },
    { startIndex: 6001, endIndex: 15901, maxAmplitude: 1.5, meetsMvc: false, meetsDuration: true },
    { startIndex: 15902, endIndex: 21000, maxAmplitude: 2.5, meetsMvc: true, meetsDuration: true },
    { startIndex: 21199, endIndex: 21398, maxAmplitude: 0.5, meetsMvc: false, meetsDuration: false },
  ];

  it('finds the hand-computed contractions, threshold and pre-merge count', () => {
    const r = detectContractions(envelope, timing, options(2, 1000));
    expect(r.detectionThreshold).toBeCloseTo(0.505, 12);
    // A, B, C, D, E all pass the 99-sample minimum before merging
    expect(r.preMergeCount).toBe(5);
    expect(r.contractions.map((c) => [c.startIndex, c.endIndex])).toEqual(
      expected.map((e) => [e.startIndex, e.endIndex]),
    );
    expect(r.contractions.map((c) => c.maxAmplitude)).toEqual(expected.map((e) => e.maxAmplitude));
    // duration = (end - start) / fs; the first split piece is exactly 9900 samples = 10 s
    expect(r.contractions.map((c) => c.durationMs)).toEqual(
      [499, 899, 9900, 5098, 199].map((s) => (s / fs) * 1000),
    );
    expect(r.contractions[2]!.durationMs).toBe(10000);
    // mean over the inclusive segment: A has 499 samples of 3 and envelope[1500] = 0
    expect(r.contractions[0]!.meanAmplitude).toBeCloseTo((3 * 499) / 500, 12);
    expect(r.contractions[0]!.startTimeMs).toBeCloseTo((1001 / fs) * 1000, 9);
  });

  it.each([
    // [mvcThreshold, durationThresholdMs, isGood per contraction]
    ['both thresholds: isGood = meetsMvc && meetsDuration', 2, 1000, [false, false, false, true, false]],
    ['duration threshold null: isGood = meetsMvc', 2, null, [true, true, false, true, false]],
    ['MVC threshold null: isGood = meetsDuration', null, 1000, [false, false, true, true, false]],
    ['neither threshold: nothing is good', null, null, [false, false, false, false, false]],
  ] as const)('%s', (_name, mvc, duration, good) => {
    const r = detectContractions(envelope, timing, options(mvc, duration));
    expect(r.contractions.map((c) => c.meetsMvc)).toEqual(expected.map((e) => mvc !== null && e.meetsMvc));
    expect(r.contractions.map((c) => c.meetsDuration)).toEqual(
      expected.map((e) => duration !== null && e.meetsDuration),
    );
    expect(r.contractions.map((c) => c.isGood)).toEqual(good);
  });

  it('a 10000 ms duration threshold is met by the exactly 10 s piece (>=)', () => {
    const r = detectContractions(envelope, timing, options(null, 10000));
    expect(r.contractions.map((c) => c.meetsDuration)).toEqual([false, false, true, false, false]);
  });

  it('detects nothing when the smoothed peak is below minPeak', () => {
    const r = detectContractions(
      envelope,
      timing.map((v) => v * 1e-10),
      options(2, 1000),
    );
    expect(r).toEqual({ contractions: [], detectionThreshold: null, preMergeCount: 0 });
  });
});
