import { describe, expect, it } from '@jest/globals';
import { readC3dFile } from '@app/c3d/node';
import { computeEnvelope, GHOSTLY_V1, movingRms } from '@app/emg';
import { join } from 'node:path';
import { analyzeC3d } from './analyze.js';
import { extremaIndices } from './signal-downsample.js';
import { buildEmgSignals, emgSignalsJson } from './signals.js';

const file = readC3dFile(
  join(process.cwd(), 'test', 'fixtures', 'ghostly', 'Ghostly_Emg_20230321_17-50-17-0881.c3d'),
);
const labels = file.analog.labels.map((l) => l.trim());
const channel = (label: string) => file.analog.channels[labels.indexOf(label)]!;

describe('buildEmgSignals', () => {
  const set = buildEmgSignals(file);

  it('has one entry per available channel, in that order', () => {
    expect([...set.entries.keys()]).toEqual(analyzeC3d(file).available_channels);
    expect(set.samplingRate).toBe(990);
    expect(set.samples).toBe(173370);
  });

  it('raw data are the C3D samples; processed is the analysis envelope; rms is the 50 ms moving RMS', () => {
    const raw = set.entries.get('CH1 Raw')!;
    expect(raw.data).toBe(channel('CH1 Raw'));
    const envelope = computeEnvelope(channel('CH1 Raw'), 990, GHOSTLY_V1.envelope).envelope;
    expect(Array.from(raw.processedData!)).toEqual(Array.from(envelope));
    expect(Array.from(raw.rmsEnvelope!)).toEqual(Array.from(movingRms(channel('CH1 Raw'), 49)));
    const processed = set.entries.get('CH1 Processed')!;
    expect(processed.data).toBe(raw.processedData);
    expect(processed.rmsEnvelope).toBe(raw.processedData);
    const activated = set.entries.get('CH1 activated Raw')!;
    expect(activated.data).toBe(channel('CH1 activated'));
    expect(activated.processedData).toBeNull();
  });
});

describe('emgSignalsJson', () => {
  const set = buildEmgSignals(file);

  it('full resolution with maxPoints = 0', () => {
    const json = emgSignalsJson(set, 0);
    expect(json['CH2 Raw']!.data).toHaveLength(173370);
    expect(json['CH2 Raw']!.time_axis[990]).toBe(1);
  });

  it('every array of an entry sits on its time axis, at the sampled instants', () => {
    const json = emgSignalsJson(set, 3000);
    for (const [name, entry] of Object.entries(json)) {
      expect(entry.time_axis.length).toBeLessThanOrEqual(3000);
      expect(entry.data).toHaveLength(entry.time_axis.length);
      if (entry.rms_envelope) expect(entry.rms_envelope).toHaveLength(entry.time_axis.length);
      if (entry.processed_data) expect(entry.processed_data).toHaveLength(entry.time_axis.length);
      const full = set.entries.get(name)!;
      for (const k of [0, 17, entry.time_axis.length - 1]) {
        const i = Math.round(entry.time_axis[k]! * 990);
        expect(entry.time_axis[k]).toBe(i / 990);
        expect(entry.data[k]).toBe(full.data[i]);
        if (full.processedData) expect(entry.processed_data![k]).toBe(full.processedData[i]);
      }
    }
  });
});

describe('extremaIndices', () => {
  it('keeps every bucket minimum and maximum of every array, ascending and unique', () => {
    const n = 10_000;
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 37) + ((i * 7919) % 13) / 50);
    const b = Float64Array.from({ length: n }, (_, i) => Math.cos(i / 11));
    const index = extremaIndices([a, b], n, 400);
    expect(index.length).toBeLessThanOrEqual(400);
    for (let k = 1; k < index.length; k++) expect(index[k]!).toBeGreaterThan(index[k - 1]!);
    const kept = new Set(index);
    const buckets = Math.floor(400 / 4);
    for (let bkt = 0; bkt < buckets; bkt++) {
      const start = Math.floor((bkt * n) / buckets);
      const end = Math.floor(((bkt + 1) * n) / buckets);
      for (const arr of [a, b]) {
        const slice = Array.from(arr.subarray(start, end));
        const min = Math.min(...slice);
        const max = Math.max(...slice);
        expect([...kept].some((i) => i >= start && i < end && arr[i] === min)).toBe(true);
        expect([...kept].some((i) => i >= start && i < end && arr[i] === max)).toBe(true);
      }
    }
  });

  it('keeps short signals whole', () => {
    expect(Array.from(extremaIndices([[3, 1, 2]], 3, 10))).toEqual([0, 1, 2]);
  });
});

describe('strideExtremaIndices', () => {
  it('keeps every k-th sample, then caps with bucket extrema of the strided signal', async () => {
    const { strideExtremaIndices } = await import('./signal-downsample.js');
    const a = Float64Array.from({ length: 1000 }, (_, i) => (i === 500 ? 9 : Math.sin(i)));
    expect(Array.from(strideExtremaIndices([a], 1000, 10, 0)).slice(0, 3)).toEqual([0, 10, 20]);
    expect(strideExtremaIndices([a], 1000, 10, 0)).toHaveLength(100);
    const capped = strideExtremaIndices([a], 1000, 5, 40);
    expect(capped.length).toBeLessThanOrEqual(40);
    expect(Array.from(capped).every((i) => i % 5 === 0)).toBe(true);
    expect(Array.from(capped)).toContain(500);
  });
});

describe('buildEmgSignals under seniam-v1', () => {
  it("the processed envelope is the analysis' linear envelope of the band-passed signal", async () => {
    const { bandpass, linearEnvelope, SENIAM_V1 } = await import('@app/emg');
    const set = buildEmgSignals(file, 'seniam-v1');
    const p = SENIAM_V1.seniam!;
    const expected = linearEnvelope(bandpass(channel('CH2 Raw'), 990, p.bandpass), 990, p.envelope);
    expect(Array.from(set.entries.get('CH2 Processed')!.data)).toEqual(Array.from(expected));
    // not ghostly-v1's envelope
    const ghostly = buildEmgSignals(file).entries.get('CH2 Processed')!.data;
    expect(Array.from(set.entries.get('CH2 Processed')!.data)).not.toEqual(Array.from(ghostly));
  });
});
