import { describe, expect, it } from '@jest/globals';
import { analyzeC3d } from '@app/analysis';
import { readC3d } from '@app/c3d';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBidsDataset } from './check.js';
import { bidsDatasetFiles } from './dataset.js';
import { bidsInputFromC3d, contractionsFromReport } from './from-c3d.js';
import { parseTsv } from './tsv.js';
import { bidsSessionFiles } from './session.js';

const FILE = join(process.cwd(), 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-23-09-0409.c3d');

function dataset(): Map<string, Uint8Array | string> {
  const c3d = readC3d(new Uint8Array(readFileSync(FILE)));
  const report = analyzeC3d(c3d);
  const out = bidsSessionFiles(
    bidsInputFromC3d(c3d, {
      subject: 'p1a2b',
      session: '001',
      contractions: contractionsFromReport(report),
      muscles: { CH1: 'left quadriceps' },
    }),
  );
  const top = bidsDatasetFiles({
    name: 'test',
    generatedBy: { name: 'emg-c3d', version: '0.0.0' },
    participants: [{ subject: 'p1a2b', ageGroup: '51-70', sex: 'F' }],
    unknowns: out.unknowns,
  });
  return new Map([...out.files, ...top].map((f) => [f.path, f.data]));
}

const text = (v: Uint8Array | string | undefined) =>
  typeof v === 'string' ? v : new TextDecoder().decode(v);

describe('an exported EMG-BIDS session', () => {
  const tree = dataset();

  it('passes the dataset rules', () => {
    expect(checkBidsDataset(tree)).toEqual([]);
    expect([...tree.keys()].sort()).toEqual([
      'README',
      'dataset_description.json',
      'derivatives/emg-c3d/dataset_description.json',
      'derivatives/emg-c3d/sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_events.json',
      'derivatives/emg-c3d/sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_events.tsv',
      'participants.json',
      'participants.tsv',
      'sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_channels.tsv',
      'sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_emg.edf',
      'sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_emg.json',
    ]);
  });

  it('has the required sidecar fields, unknown ones as n/a with a README line', () => {
    const sidecar = JSON.parse(
      text(tree.get('sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_emg.json')),
    ) as Record<string, unknown>;
    expect(sidecar).toMatchObject({
      TaskName: 'Ghostly',
      EMGPlacementScheme: 'Other',
      EMGReference: 'n/a',
      SamplingFrequency: 990,
      PowerLineFrequency: 'n/a',
      SoftwareFilters: 'n/a',
      RecordingType: 'continuous',
      EMGChannelCount: 2,
      Manufacturer: 'n/a',
      SoftwareVersions: 'OpenFeasyo.Android',
    });
    expect(sidecar.RecordingDuration).toBeCloseTo(74280 / 990, 9);
    const readme = text(tree.get('README'));
    for (const f of ['EMGReference', 'PowerLineFrequency', 'Manufacturer', 'target_muscle'])
      expect(readme).toContain(`- ${f}: n/a.`);
  });

  it('lists the channels with unit and target muscle, and one event per contraction', () => {
    const ch = parseTsv(text(tree.get('sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_channels.tsv')));
    expect(ch.rows.map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      ['CH1', 'EMG', 'uV', 'left quadriceps'],
      ['CH2', 'EMG', 'uV', 'n/a'],
    ]);
    const c3d = readC3d(new Uint8Array(readFileSync(FILE)));
    const report = analyzeC3d(c3d);
    const total = Object.values(report.analytics).reduce((n, a) => n + a.contractions.length, 0);
    const ev = parseTsv(
      text(tree.get('derivatives/emg-c3d/sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_events.tsv')),
    );
    expect(ev.rows).toHaveLength(total);
    const first = report.analytics.CH1!.contractions[0]!;
    const row = ev.rows.find(
      (r) => r[3] === 'CH1' && Number(r[0]) === Math.round(first.start_time_ms * 1000) / 1e6,
    );
    expect(row).toBeDefined();
    expect(Number(row![1])).toBeCloseTo(first.duration_ms / 1000, 6);
    const meta = JSON.parse(
      text(tree.get('derivatives/emg-c3d/sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_events.json')),
    ) as {
      GameMetadata: Record<string, unknown>;
    };
    expect(meta.GameMetadata.game_name).toBe('Ghostly');
    expect(meta.GameMetadata).not.toHaveProperty('player_name');
    expect(meta.GameMetadata).not.toHaveProperty('therapist_id');
  });

  it('catches near misses: bad name, missing field, channel mismatch, unlisted participant', () => {
    const renamed = new Map(tree);
    const edf = 'sub-p1a2b/ses-001/emg/sub-p1a2b_ses-001_task-ghostly_emg.edf';
    renamed.set('sub-p1a2b/ses-001/emg/sub-p1a2b_ses-002_task-ghostly_emg.edf', renamed.get(edf)!);
    expect(checkBidsDataset(renamed).join('\n')).toMatch(/ses-002.*file name/);

    const missing = new Map(tree);
    const jsonPath = edf.replace('_emg.edf', '_emg.json');
    const s = JSON.parse(text(missing.get(jsonPath))) as Record<string, unknown>;
    delete s.EMGReference;
    missing.set(jsonPath, JSON.stringify({ ...s, EMGPlacementScheme: 'n/a' }));
    const problems = checkBidsDataset(missing).join('\n');
    expect(problems).toMatch(/EMGReference is required/);
    expect(problems).toMatch(/EMGPlacementScheme must be one of/);

    const channels = new Map(tree);
    const chPath = edf.replace('_emg.edf', '_channels.tsv');
    channels.set(chPath, text(channels.get(chPath)).replace('CH2\t', 'CH3\t'));
    expect(checkBidsDataset(channels).join('\n')).toMatch(/do not match the EDF channels/);

    const unlisted = new Map(tree);
    unlisted.set('participants.tsv', 'participant_id\tage_group\tsex\nsub-other\tn/a\tn/a\n');
    const p = checkBidsDataset(unlisted).join('\n');
    expect(p).toMatch(/sub-p1a2b is not listed/);
    expect(p).toMatch(/sub-other has no data/);

    const emptyCell = new Map(tree);
    emptyCell.set(chPath, text(emptyCell.get(chPath)).replace('left quadriceps', ''));
    expect(checkBidsDataset(emptyCell).join('\n')).toMatch(/empty cell/);
  });
});
