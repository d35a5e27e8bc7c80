import { describe, expect, it } from '@jest/globals';
import { readEdfHeader, readEdfSignal } from './read-edf.js';
import { edfLayout, edfNumber, physicalRange, resolutionOf, writeEdf } from './write-edf.js';

function sine(n: number, amplitude: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => amplitude * Math.sin(i / 7) + amplitude * 0.1);
}

describe('edfNumber', () => {
  it('fits 8 characters and rounds away from the data', () => {
    expect(edfNumber(1396.3378733, 'up')).toBe('1396.338');
    expect(edfNumber(-1260.044286, 'down')).toBe('-1260.05');
    expect(edfNumber(0.000123456789, 'up')).toBe('0.000124');
    expect(edfNumber(-0.5, 'down')).toBe('-0.5');
    expect(edfNumber(12345678, 'up')).toBe('12345678');
    expect(() => edfNumber(123456789, 'up')).toThrow(/8 characters/);
  });
});

describe('edfLayout', () => {
  it('uses 1 s records for whole-number rates and pads the last record', () => {
    expect(edfLayout(990, 74280)).toEqual({
      recordDuration: 1,
      samplesPerRecord: 990,
      records: 76,
      padding: 960,
    });
    expect(edfLayout(2000, 4000)).toEqual({
      recordDuration: 1,
      samplesPerRecord: 2000,
      records: 2,
      padding: 0,
    });
  });
  it('finds a longer record for a fractional rate, refuses an impossible one', () => {
    expect(edfLayout(990.5, 10).recordDuration).toBe(2);
    expect(() => edfLayout(Math.PI, 10)).toThrow(/whole number of samples/);
  });
});

describe('writeEdf', () => {
  const ch1 = sine(2500, 1300);
  const ch2 = sine(2500, 85);
  const { bytes, layout } = writeEdf({
    patient: { code: 'sub-p01' },
    start: new Date(Date.UTC(2023, 2, 21, 17, 23, 0)),
    equipment: 'OpenFeasyo.Android',
    samplingRate: 1000,
    signals: [
      { label: 'CH1', unit: 'uV', samples: ch1 },
      { label: 'CH2', unit: 'uV', samples: ch2 },
    ],
    annotations: [{ onset: 1.25, duration: 0.5, text: 'contraction' }],
  });
  const h = readEdfHeader(bytes);

  it('writes an EDF+C header with the signals, the annotation channel and the start', () => {
    expect(h.reserved).toBe('EDF+C');
    expect(h.headerBytes).toBe(256 * 4);
    expect(h.records).toBe(3);
    expect(h.recordDuration).toBe(1);
    expect(h.startDate).toBe('21.03.23');
    expect(h.startTime).toBe('17.23.00');
    expect(h.patient).toBe('sub-p01 X X X');
    expect(h.recording).toBe('Startdate 21-MAR-2023 X X OpenFeasyo.Android');
    expect(h.signals.map((s) => s.label)).toEqual(['CH1', 'CH2', 'EDF Annotations']);
    expect(h.signals[0]).toMatchObject({
      unit: 'uV',
      digitalMin: -32768,
      digitalMax: 32767,
      samplesPerRecord: 1000,
    });
    expect(bytes.length).toBe(h.headerBytes + h.records * 2 * (2000 + h.signals[2]!.samplesPerRecord));
    expect(layout.padding).toBe(500);
  });

  it('physical range = the signal extremes rounded outward', () => {
    const r = physicalRange(ch1);
    expect(h.signals[0]!.physicalMin).toBe(Number(r.min));
    expect(h.signals[0]!.physicalMax).toBe(Number(r.max));
    expect(Number(r.min)).toBeLessThanOrEqual(Math.min(...ch1));
    expect(Number(r.max)).toBeGreaterThanOrEqual(Math.max(...ch1));
    expect(Number(r.max) - Math.max(...ch1)).toBeLessThan(0.01);
  });

  it('reads back every sample within half a digital step; padding reads 0', () => {
    for (const [i, src] of [ch1, ch2].entries()) {
      const s = h.signals[i]!;
      const step = resolutionOf(s.physicalMin, s.physicalMax);
      const back = readEdfSignal(bytes, i);
      let worst = 0;
      for (let k = 0; k < src.length; k++) worst = Math.max(worst, Math.abs(back[k]! - src[k]!));
      expect(worst).toBeLessThanOrEqual(step / 2 + 1e-9);
      // a near miss: one step off would fail this bound
      expect(worst).toBeLessThan(step);
      expect(Math.abs(back[src.length + 10]!)).toBeLessThanOrEqual(step / 2 + 1e-9);
    }
  });

  it('keeps time in the annotation channel of every record and carries the annotation', () => {
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).toContain('+0\x14\x14\x00');
    expect(text).toContain('+1\x14\x14\x00+1.25\x150.5\x14contraction\x14\x00');
    expect(text).toContain('+2\x14\x14\x00');
  });

  it('writes the EDF+ unknown date when the start is unknown, refuses unequal signals', () => {
    const unknown = writeEdf({
      patient: { code: 'x' },
      samplingRate: 10,
      signals: [{ label: 'A', unit: 'uV', samples: new Float64Array(10) }],
    });
    const hu = readEdfHeader(unknown.bytes);
    expect(hu.startDate).toBe('01.01.85');
    expect(hu.recording.startsWith('Startdate X ')).toBe(true);
    // a flat signal still gets a non-empty physical range
    expect(hu.signals[0]!.physicalMax).toBeGreaterThan(hu.signals[0]!.physicalMin);
    expect(() =>
      writeEdf({
        patient: { code: 'x' },
        samplingRate: 10,
        signals: [
          { label: 'A', unit: 'uV', samples: new Float64Array(10) },
          { label: 'B', unit: 'uV', samples: new Float64Array(9) },
        ],
      }),
    ).toThrow(/same number of samples/);
  });
});
