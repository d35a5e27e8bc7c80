// analyzeC3d with seniam-v1 and with a calibrated MVC (both profiles), on the GHOSTLY files;
// numbers checked against the NumPy/SciPy reference (test/fixtures/emg/seniam.json).
import { describe, expect, it } from '@jest/globals';
import { readC3dFile } from '@app/c3d/node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeC3d, calibrateMvcFromC3d } from '../index.js';

const dir = join(process.cwd(), 'test', 'fixtures', 'ghostly');
type RefCh = {
  contractions: { start: number; end: number; mdf: number | null }[];
  fatigue: { mdf: { slope: number; n: number } | null };
  gate: { passed: boolean; reasons: string[] };
  summary: { rms: number | null; mdf: number | null };
  mvc: { value: number };
  mvc_window: { value: number };
  ghostly_mvc_window: { value: number };
  methods: Record<string, { agreement: { f1: number } }>;
};
const ref = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/emg/seniam.json'), 'utf8')) as {
  ghostly: Record<string, Record<'CH1' | 'CH2', RefCh>>;
};
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const FILES = Object.keys(ref.ghostly);

describe.each(FILES)('seniam-v1 report of %s', (name) => {
  const file = readC3dFile(join(dir, name));
  const r = analyzeC3d(file, {}, { profile: 'seniam-v1' });
  it('names the profile, puts the quality gate first and scores from the new onsets', () => {
    expect(Object.keys(r)[0]).toBe('quality_gate');
    expect(r.processing_profile.name).toBe('seniam-v1');
    for (const ch of ['CH1', 'CH2'] as const) {
      const a = r.analytics[ch]!;
      const rc = ref.ghostly[name]![ch];
      expect(a.contraction_count).toBe(rc.contractions.length);
      expect(a.contractions.map((c) => [c.start_index, c.end_index])).toEqual(
        rc.contractions.map((c) => [c.start, c.end]),
      );
      expect(a.mvc_source).toBe('session_estimate');
      // no %MVC against the session's own estimate
      expect(a.seniam!.contractions.every((c) => c.pct_mvc_peak === null && c.pct_mvc_mean === null)).toBe(
        true,
      );
      expect(a.seniam!.summary.pct_mvc_mean).toBeNull();
      expect(a.mvc_estimation_method).toBe('backend_estimation');
      expect(rel(a.mvc_value, rc.mvc.value)).toBeLessThan(1e-9);
      if (rc.summary.rms !== null) expect(rel(a.rms, rc.summary.rms)).toBeLessThan(1e-9);
      if (rc.summary.mdf !== null) expect(rel(a.mdf!, rc.summary.mdf)).toBeLessThan(1e-9);
      const s = a.seniam!;
      expect(s.band_hz).toEqual([20, 445.5]);
      expect(s.fatigue.n).toBe(rc.fatigue.mdf?.n ?? s.fatigue.n);
      if (rc.fatigue.mdf)
        expect(Math.abs(s.fatigue.mdf_trend!.slope - rc.fatigue.mdf.slope)).toBeLessThan(
          1e-9 * (Math.abs(rc.fatigue.mdf.slope) + 1e-3),
        );
      expect(s.quality.passed).toBe(rc.gate.passed);
      expect(s.quality.reasons.map((x) => x.code)).toEqual(rc.gate.reasons);
      expect(r.quality_gate!.channels[ch]!.passed).toBe(rc.gate.passed);
      expect(s.onset_methods.find((m) => m.method === 'tkeo')!.agreement!.f1).toBeCloseTo(
        rc.methods.tkeo!.agreement.f1,
        12,
      );
    }
    const failing = (['CH1', 'CH2'] as const).filter((c) => !ref.ghostly[name]![c].gate.passed);
    expect(r.quality_gate!.failing_channels).toEqual(failing);
    if (failing.length) expect(r.quality_gate!.message).toContain(failing[0]);
    else expect(r.quality_gate!.message).toBeNull();
    const p = r.performance_analysis;
    expect(p.intensity_rate_left).toBe(
      r.analytics.CH1!.mvc_compliant_count / r.analytics.CH1!.contraction_count,
    );
  });
});

describe('MVC calibration', () => {
  const name = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';
  const file = readC3dFile(join(dir, name));
  const cal = calibrateMvcFromC3d(file, 500);
  it('best 500 ms window of each profile envelope, as the reference', () => {
    for (const ch of ['CH1', 'CH2'] as const) {
      expect(rel(cal.values['seniam-v1']![ch]!, ref.ghostly[name]![ch].mvc_window.value)).toBeLessThan(1e-9);
      // ghostly envelope: TF-form 10 Hz low-pass, ill-conditioned DC gain (1e-8, as the parity tests)
      expect(
        rel(cal.values['ghostly-v1']![ch]!, ref.ghostly[name]![ch].ghostly_mvc_window.value),
      ).toBeLessThan(1e-8);
    }
    expect(cal.window_ms).toBe(500);
    // a longer window cannot have a higher best mean than the peak of a shorter one's
    const cal1 = calibrateMvcFromC3d(file, 1000);
    expect(cal1.values['seniam-v1']!.CH1!).toBeLessThanOrEqual(cal.values['seniam-v1']!.CH1!);
  });
  it('ghostly-v1: a calibration is used when no MVC is given, and says so; absent, the report is the original', () => {
    const plain = analyzeC3d(file);
    const withCal = analyzeC3d(file, {}, { calibratedMvc: cal.values['ghostly-v1'] });
    expect(plain.analytics.CH1!.mvc_source).toBeUndefined();
    expect(JSON.stringify(analyzeC3d(file, {}, {}))).toBe(JSON.stringify(plain));
    expect(withCal.analytics.CH1!.mvc_source).toBe('calibration');
    expect(withCal.analytics.CH1!.mvc_value).toBe(cal.values['ghostly-v1']!.CH1);
    expect(withCal.analytics.CH1!.mvc75_threshold).toBeCloseTo(cal.values['ghostly-v1']!.CH1! * 0.75, 18);
    // an MVC in the request wins over the calibration
    const given = analyzeC3d(
      file,
      { session_params: { session_mvc_values: { CH1: 1e-4 } } },
      { calibratedMvc: cal.values['ghostly-v1'] },
    );
    expect(given.analytics.CH1!.mvc_value).toBe(1e-4);
    expect(given.analytics.CH1!.mvc_source).toBeUndefined();
    expect(given.analytics.CH2!.mvc_source).toBe('calibration');
  });
  it('seniam-v1: calibration gives %MVC and the intensity flags', () => {
    const r = analyzeC3d(file, {}, { profile: 'seniam-v1', calibratedMvc: cal.values['seniam-v1'] });
    const a = r.analytics.CH1!;
    expect(a.mvc_source).toBe('calibration');
    expect(a.mvc_value).toBe(cal.values['seniam-v1']!.CH1);
    for (const c of a.seniam!.contractions)
      expect(c.pct_mvc_peak).toBeCloseTo((100 * c.envelope_peak) / a.mvc_value, 10);
    expect(a.seniam!.summary.pct_mvc_mean).not.toBeNull();
    expect(a.mvc_compliant_count).toBe(
      a.contractions.filter((c) => c.max_amplitude >= 0.75 * a.mvc_value).length,
    );
  });
  it('unknown profile is refused', () => {
    expect(() => analyzeC3d(file, {}, { profile: 'seniam-v2' })).toThrow(/unknown processing profile/);
  });
});
