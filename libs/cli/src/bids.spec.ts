import { describe, expect, it } from '@jest/globals';
import { checkBidsDataset, parseTsv, readEdfHeader } from '@app/bids';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runBids } from './bids.js';
import { captureIo } from '../../../test/support/cli-io.js';

const GHOSTLY = join(process.cwd(), 'test/fixtures/ghostly');

const capture = () => captureIo();

function readTree(root: string, dir = root, tree = new Map<string, Uint8Array>()) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) readTree(root, path, tree);
    else tree.set(relative(root, path).split('\\').join('/'), new Uint8Array(readFileSync(path)));
  }
  return tree;
}

describe('emg-c3d bids', () => {
  it('converts a folder of C3D files into a dataset that passes the BIDS rules', async () => {
    const src = mkdtempSync(join(tmpdir(), 'bids-src-'));
    const out = join(mkdtempSync(join(tmpdir(), 'bids-out-')), 'ds');
    mkdirSync(join(src, 'P007'));
    // later recording first in name order: sessions follow recording time, not names
    copyFileSync(join(GHOSTLY, 'Ghostly_Emg_20250310_11-50-16-0578.c3d'), join(src, 'P007', 'a.c3d'));
    copyFileSync(join(GHOSTLY, 'Ghostly_Emg_20230321_17-23-09-0409.c3d'), join(src, 'P007', 'b.c3d'));
    writeFileSync(join(src, 'broken.c3d'), 'not a c3d file');
    const c = capture();
    const code = await runBids([src, '--out', out, '--muscles', 'CH1=left rectus femoris'], c.io);
    expect(code).toBe(2);
    expect(c.err.join('')).toMatch(/broken\.c3d: error \(truncated\)( at byte \d+)?: /);
    expect(c.out.join('')).toMatch(/2 session\(s\) of 1 subject\(s\) written/);
    const tree = readTree(out);
    expect(checkBidsDataset(tree)).toEqual([]);
    const edf1 = tree.get('sub-P007/ses-01/emg/sub-P007_ses-01_task-ghostly_emg.edf')!;
    expect(readEdfHeader(edf1).startDate).toBe('21.03.23');
    expect(
      readEdfHeader(tree.get('sub-P007/ses-02/emg/sub-P007_ses-02_task-ghostly_emg.edf')!).startDate,
    ).toBe('10.03.25');
    const channels = parseTsv(
      new TextDecoder().decode(tree.get('sub-P007/ses-01/emg/sub-P007_ses-01_task-ghostly_channels.tsv')),
    );
    expect(channels.rows[0]![5]).toBe('left rectus femoris');
    expect(new TextDecoder().decode(tree.get('participants.tsv'))).toBe(
      'participant_id\tage_group\tsex\nsub-P007\tn/a\tn/a\n',
    );
  });

  it('an empty or missing folder is bad input (exit 2) in the shared error form', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'bids-empty-'));
    const c = capture();
    expect(await runBids([empty, '--out', join(empty, 'out')], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/^emg-c3d bids: error \(no_c3d_files\): no \.c3d files found under /);
    const m = capture();
    expect(await runBids([join(empty, 'nope'), '--out', join(empty, 'out')], m.io)).toBe(2);
    expect(m.err.join('')).toMatch(/^emg-c3d bids: error \(ENOENT\): /);
  });

  it('refuses bad usage with exit code 1', async () => {
    for (const argv of [
      [],
      ['dir'],
      ['dir', '--out'],
      ['dir', '--out', 'x', '--subject', 'a-b'],
      ['dir', '--out', 'x', '--muscles', 'CH1'],
    ]) {
      const c = capture();
      expect(await runBids(argv, c.io)).toBe(1);
      expect(c.err.join('')).toMatch(/usage: emg-c3d bids/);
    }
  });
});
