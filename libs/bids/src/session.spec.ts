import { describe, expect, it } from '@jest/globals';
import { readEdfHeader, readEdfSignal } from './edf/read-edf.js';
import { checkBidsDataset } from './check.js';
import { bidsDatasetFiles } from './dataset.js';
import { bidsSessionFiles } from './session.js';
import { parseTsv } from './tsv.js';

describe('bidsSessionFiles with foreign channels', () => {
  const n = 2000;
  const wave = (a: number) => Float64Array.from({ length: n }, (_, i) => a * Math.sin(i / 5));
  const out = bidsSessionFiles({
    subject: 'x1',
    session: '01',
    task: 'walk',
    taskName: 'walk',
    samplingRate: 1000,
    channels: [
      { name: 'Proximal vastus lateralis', unit: 'mV', samples: wave(1.2) },
      { name: 'Force X', unit: 'N', samples: wave(300) },
      { name: 'Counts', unit: '', samples: wave(2000) },
    ],
    contractions: [
      {
        channel: 'Proximal vastus lateralis',
        startTimeMs: 100,
        durationMs: 250,
        meetsMvc: null,
        meetsDuration: true,
        isGood: false,
        maxAmplitude: 1e-3,
        meanAmplitude: 5e-4,
      },
    ],
    gameMetadata: {},
  });
  const tree = new Map<string, Uint8Array | string>(
    [
      ...out.files,
      ...bidsDatasetFiles({
        name: 't',
        generatedBy: { name: 't', version: '0' },
        participants: [{ subject: 'x1' }],
        unknowns: out.unknowns,
      }),
    ].map((f) => [f.path, f.data]),
  );

  it('types and units each channel, and the dataset still passes the rules', () => {
    expect(checkBidsDataset(tree)).toEqual([]);
    const ch = parseTsv(tree.get('sub-x1/ses-01/emg/sub-x1_ses-01_task-walk_channels.tsv') as string);
    expect(ch.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Proximal vastus', 'EMG', 'uV'],
      ['Force X', 'MISC', 'N'],
      ['Counts', 'EMG', 'n/a'],
    ]);
    expect(ch.rows[0]![3]).toContain('source label: Proximal vastus lateralis');
    const sidecar = JSON.parse(
      tree.get('sub-x1/ses-01/emg/sub-x1_ses-01_task-walk_emg.json') as string,
    ) as Record<string, unknown>;
    expect(sidecar.EMGChannelCount).toBe(2);
    expect(out.unknowns.units).toMatch(/no analog unit/);
    const events = parseTsv(
      tree.get('derivatives/emg-c3d/sub-x1/ses-01/emg/sub-x1_ses-01_task-walk_events.tsv') as string,
    );
    expect(events.rows[0]).toEqual([
      '0.1',
      '0.25',
      'contraction',
      'Proximal vastus',
      'n/a',
      'true',
      'false',
      '0.001',
      '0.0005',
    ]);
  });

  it('mV are written as uV within half a digital step', () => {
    const edf = tree.get('sub-x1/ses-01/emg/sub-x1_ses-01_task-walk_emg.edf') as Uint8Array;
    const h = readEdfHeader(edf);
    expect(h.signals.map((s) => s.unit)).toEqual(['uV', 'N', '', '']);
    const back = readEdfSignal(edf, 0);
    const src = wave(1.2);
    const step = (h.signals[0]!.physicalMax - h.signals[0]!.physicalMin) / 65535;
    for (let k = 0; k < n; k++)
      expect(Math.abs(back[k]! - src[k]! * 1000)).toBeLessThanOrEqual(step / 2 + 1e-9);
  });
});
