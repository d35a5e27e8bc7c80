// The seven GHOSTLY recordings through ghostly-v1 against the NumPy/SciPy reference
// (test/fixtures/emg/ghostly.json) and the original's published counts for them.
import { describe, expect, it } from '@jest/globals';
import { readC3dFile } from '@app/c3d/node';
import { join } from 'node:path';
import { GHOSTLY_V1 } from '../profiles/ghostly-v1.js';
import { maxViolation, readBin, readJson, relErr } from '../testing/reference.js';
import { computeEnvelope } from '../envelope.js';
import { butterworth } from '../filters/butterworth.js';
import { filtfilt } from '../filters/filtfilt.js';
import { movingAverage } from '../smoothing/moving-average.js';
import { movingRms } from '../smoothing/moving-rms.js';
import { analyzeChannel } from './analyze-channel.js';

interface RefStat {
  mean_value: number | null;
  std_value: number | null;
  min_value: number | null;
  max_value: number | null;
  valid_windows: number;
  coefficient_of_variation: number | null;
}
interface RefContraction {
  start_index: number;
  end_index: number;
  duration_ms: number;
  mean_amplitude: number;
  max_amplitude: number;
  meets_mvc: boolean;
  meets_duration: boolean;
  is_good: boolean;
}
type RefChannel = Record<string, number | null> & {
  contractions: RefContraction[];
  temporal: Record<string, RefStat>;
  envelope_stats: Record<string, number>;
};
const ref = readJson<{ files: Record<string, { CH1: RefChannel; CH2: RefChannel }> }>('ghostly.json');
const dir = join(process.cwd(), 'test', 'fixtures', 'ghostly');

// Floats go through the TF-form 10 Hz low-pass, whose DC gain is ill-conditioned (sum(a) ~ 1.5e-5):
// a 1-ulp difference in a coefficient moves envelope values by ~1e-10 relative. Envelope-derived
// values are compared at ENV_REL; raw-signal metrics at 1e-9.
const ENV_REL = 1e-8;
const RAW_REL = 1e-9;

describe.each(Object.keys(ref.files))('%s', (file) => {
  const c3d = readC3dFile(join(dir, file));
  const labels = c3d.analog.labels.map((l) => l.trim());
  const get = (label: string) => c3d.analog.channels[labels.indexOf(label)]!;
  it.each(['CH1', 'CH2'] as const)('%s matches the reference', (ch) => {
    const r = ref.files[file]![ch];
    const a = analyzeChannel(
      { name: ch, raw: get(`${ch} Raw`), activated: get(`${ch} activated`), fs: c3d.analog.rate },
      GHOSTLY_V1,
    );
    expect(
      a.contractions.map((c) => [c.startIndex, c.endIndex, c.meetsMvc, c.meetsDuration, c.isGood]),
    ).toEqual(
      r.contractions.map((c) => [c.start_index, c.end_index, c.meets_mvc, c.meets_duration, c.is_good]),
    );
    expect([
      a.contractionCount,
      a.mvcCompliantCount,
      a.durationCompliantCount,
      a.goodContractionCount,
    ]).toEqual([
      r.contraction_count,
      r.mvc_compliant_count,
      r.duration_compliant_count,
      r.good_contraction_count,
    ]);
    // durations are exact; their mean differs in the last ulp (numpy sums pairwise)
    expect(relErr(a.avgDurationMs, r.avg_duration_ms!)).toBeLessThan(1e-14);
    expect(relErr(a.mvc.mvcValue, r.mvc_value!)).toBeLessThan(ENV_REL);
    expect(relErr(a.mvc.threshold, r.mvc75_threshold!)).toBeLessThan(ENV_REL);
    expect(relErr(a.maxAmplitude, r.max_amplitude!)).toBeLessThan(ENV_REL);
    expect(relErr(a.avgAmplitude, r.avg_amplitude!)).toBeLessThan(ENV_REL);
    for (const k of ['rms', 'mav', 'mpf', 'mdf'] as const)
      expect(relErr(a.metrics[k], r[k]!)).toBeLessThan(RAW_REL);
    expect(relErr(a.metrics.fatigueIndexFiNsm5, r.fatigue_index_fi_nsm5!)).toBeLessThan(RAW_REL);
    const t = {
      rms: a.temporal.rms,
      mav: a.temporal.mav,
      mpf: a.temporal.mpf,
      mdf: a.temporal.mdf,
      fatigue_index: a.temporal.fatigueIndex,
    };
    for (const [k, s] of Object.entries(t)) {
      const e = r.temporal[k]!;
      expect(s.validWindows).toBe(e.valid_windows);
      expect(relErr(s.mean, e.mean_value)).toBeLessThan(RAW_REL);
      expect(relErr(s.std, e.std_value)).toBeLessThan(RAW_REL);
      expect(relErr(s.min, e.min_value)).toBeLessThan(RAW_REL);
      expect(relErr(s.max, e.max_value)).toBeLessThan(RAW_REL);
    }
  });
});

// The original's sensitivity check: without an activated channel, timing comes from the
// envelope at threshold 0.10 (the fallback), giving these counts.
const SINGLE_SIGNAL_COUNTS: Record<string, [number, number]> = {
  'Ghostly_Emg_20230321_17-23-09-0409.c3d': [21, 12],
  'Ghostly_Emg_20230321_17-28-14-0160.c3d': [18, 13],
  'Ghostly_Emg_20230321_17-33-14-0785.c3d': [20, 20],
  'Ghostly_Emg_20230321_17-50-17-0881.c3d': [23, 11],
  'Ghostly_Emg_20231004_13-18-43-0464.c3d': [8, 10],
  'Ghostly_Emg_20250310_11-46-23-0823.c3d': [34, 11],
  'Ghostly_Emg_20250310_11-50-16-0578.c3d': [7, 14],
};

describe.each(Object.entries(SINGLE_SIGNAL_COUNTS))('%s without activated channels', (file, counts) => {
  it('gives the original single-signal counts (envelope timing, factor 0.10)', () => {
    const c3d = readC3dFile(join(dir, file));
    const labels = c3d.analog.labels.map((l) => l.trim());
    const got = (['CH1', 'CH2'] as const).map((ch) => {
      const a = analyzeChannel(
        {
          name: ch,
          raw: c3d.analog.channels[labels.indexOf(`${ch} Raw`)]!,
          activated: null,
          fs: c3d.analog.rate,
        },
        GHOSTLY_V1,
      );
      expect(a.timingSource).toBe('envelope');
      expect(a.thresholdFactorUsed).toBe(0.1);
      return a.contractionCount;
    });
    expect(got).toEqual(counts);
  });
});

describe('0409 CH1 stage by stage', () => {
  const raw = readBin('g0409_ch1_raw.bin');
  const scale = raw.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const hp = butterworth({ order: 4, cutoffHz: 20, fs: 990, kind: 'highpass' });
  const lp = butterworth({ order: 4, cutoffHz: 10, fs: 990, kind: 'lowpass' });

  // the filter-output tolerance of libs/emg/README.md for our coefficient design (1e-8, 1e-10)
  it('high-pass 20 Hz (filtfilt) equals SciPy within 1e-8 relative (floor 1e-10 x max|x|)', () => {
    expect(
      maxViolation(filtfilt(hp.b, hp.a, raw), readBin('g0409_ch1_hp.bin'), 1e-8, 1e-10, scale),
    ).toBeLessThanOrEqual(1);
  });

  // the filter-output tolerance of libs/emg/README.md for our coefficient design (1e-8, 1e-10)
  it('rectified low-pass 10 Hz equals SciPy within 1e-8 relative (floor 1e-10 x max|x|)', () => {
    const rect = readBin('g0409_ch1_hp.bin').map(Math.abs);
    expect(
      maxViolation(filtfilt(lp.b, lp.a, rect), readBin('g0409_ch1_lp.bin'), 1e-8, 1e-10, scale),
    ).toBeLessThanOrEqual(1);
  });

  it('the 100-sample smoothing of |activated| equals numpy.convolve, exact zeros included', () => {
    const act = readBin('g0409_ch1_act.bin');
    const sm = movingAverage(act.map(Math.abs), 100);
    const ref = readBin('g0409_ch1_sm.bin');
    expect(
      maxViolation(
        sm,
        ref,
        1e-12,
        1e-15,
        act.reduce((m, v) => Math.max(m, Math.abs(v)), 0),
      ),
    ).toBeLessThanOrEqual(1);
    for (let i = 0; i < ref.length; i++) if (ref[i] === 0) expect(sm[i]).toBe(0);
  });

  it('the 50 ms display RMS envelope equals numpy within 1e-12 relative', () => {
    expect(
      maxViolation(movingRms(raw.map(Math.abs), 49), readBin('g0409_ch1_mrms49.bin'), 1e-12, 1e-15, scale),
    ).toBeLessThanOrEqual(1);
  });

  it('envelope equals SciPy within ENV_REL (floor 1e-12 x max|x|)', () => {
    const env = computeEnvelope(raw, 990, GHOSTLY_V1.envelope).envelope;
    const ref = readBin('g0409_ch1_env.bin');
    const scale = raw.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(maxViolation(env, ref, ENV_REL, 1e-12, scale)).toBeLessThanOrEqual(1);
  });
});
