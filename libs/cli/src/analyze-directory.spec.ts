// `emg-c3d analyze DIR`: progress on stderr, NAME.json per file and summary.csv in --out, a
// failing file reported without stopping the batch, and --json/--csv refused for a DIR.
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisReport } from '@app/analysis';
import { runAnalyze } from './analyze.js';
import { CSV_HEADER } from './analyze-output.js';
import { captureIo } from '../../../test/support/cli-io.js';

const f0409 = join(process.cwd(), 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-23-09-0409.c3d');

const capture = () => captureIo();

/** in/: a.c3d and B.C3D (0409 twice), c.c3d (text, not a C3D), d.c3d (a directory: unreadable), notes.txt. */
function inputDir(): { root: string; input: string } {
  const root = mkdtempSync(join(tmpdir(), 'emg-analyze-dir-'));
  const input = join(root, 'in');
  mkdirSync(input);
  copyFileSync(f0409, join(input, 'a.c3d'));
  copyFileSync(f0409, join(input, 'B.C3D'));
  writeFileSync(join(input, 'c.c3d'), 'not a c3d');
  mkdirSync(join(input, 'd.c3d'));
  writeFileSync(join(input, 'notes.txt'), 'ignored: not .c3d');
  return { root, input };
}

describe('emg-c3d analyze DIR', () => {
  let out: string;
  let code: number;
  let stdout: string;
  let stderr: string;
  beforeAll(async () => {
    const { root, input } = inputDir();
    out = join(root, 'out');
    const c = capture();
    code = await runAnalyze([input, '--out', out], c.io);
    stdout = c.out.join('');
    stderr = c.err.join('');
  });

  it('exits 2 because two files failed, after analysing the others', () => {
    expect(code).toBe(2);
    expect(stderr).toContain(`2/4 analysed, results in ${out}\n`);
  });

  it('writes the progress bar to stderr and nothing to stdout', () => {
    expect(stdout).toBe('');
    // one redraw per file (sorted: B.C3D < a.c3d < c.c3d < d.c3d), then the full bar
    for (const [i, f] of ['B.C3D', 'a.c3d', 'c.c3d', 'd.c3d'].entries())
      expect(stderr).toContain(`] ${i}/4 ${f}`);
    expect(stderr).toContain(`\r[${'#'.repeat(24)}] 4/4 done`);
  });

  it('reports each failing file with its error code and goes on', () => {
    expect(stderr).toMatch(/\nc\.c3d: error \(not_c3d\): not a C3D file: /);
    // reading a directory fails in Node's fs: reported under the system error code
    expect(stderr).toMatch(/\nd\.c3d: error \(EISDIR\): /);
  });

  it('writes NAME.json per analysed file (whatever the extension case) and summary.csv', () => {
    expect(readdirSync(out).sort()).toEqual(['B.json', 'a.json', 'summary.csv']);
    for (const f of ['a.json', 'B.json']) {
      const r = JSON.parse(readFileSync(join(out, f), 'utf8')) as AnalysisReport;
      expect(Object.keys(r.analytics)).toEqual(['CH1', 'CH2']);
      expect(r.analytics.CH1!.contraction_count).toBe(15);
    }
  });

  it('summary.csv has one row per file and channel, and one error row per failed file', () => {
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(csv.startsWith(CSV_HEADER)).toBe(true);
    const rows = csv.trimEnd().split('\n').slice(1);
    expect(rows.map((r) => r.split(',').slice(0, 2).join(','))).toEqual([
      'B.C3D,CH1',
      'B.C3D,CH2',
      'a.c3d,CH1',
      'a.c3d,CH2',
      'c.c3d,',
      'd.c3d,',
    ]);
    // the CSV carries the same numbers as the JSON: contraction_count is the third column
    const a = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')) as AnalysisReport;
    expect(rows[2]!.split(',')[2]).toBe(String(a.analytics.CH1!.contraction_count));
    expect(rows[3]!.split(',')[2]).toBe(String(a.analytics.CH2!.contraction_count));
    // error rows: empty metrics, the error text last
    // (quoted: the messages contain commas)
    expect(rows[4]).toMatch(/^c\.c3d,,+"not_c3d: not a C3D file: it starts with /);
    // Node's message starts with the code already: not repeated
    expect(rows[5]).toMatch(/^d\.c3d,,+"EISDIR: illegal operation on a directory, read"$/);
  });
});

describe('emg-c3d analyze DIR with --json or --csv', () => {
  it.each(['--json', '--csv'])('%s is a usage error (exit 1) and writes nothing', async (flag) => {
    const { root, input } = inputDir();
    const out = join(root, 'out');
    const c = capture();
    expect(await runAnalyze([input, flag, '--out', out], c.io)).toBe(1);
    // the usage error in the form the flag asks for: JSON on stdout for --json, text on stderr
    const shown = flag === '--json' ? c.out.join('') : c.err.join('');
    expect(shown).toContain(`${flag} applies to a single FILE`);
    if (flag === '--csv') expect(shown).toContain('usage: emg-c3d analyze FILE');
    else expect(JSON.parse(shown)).toMatchObject({ error: { code: 'usage' } });
    expect(existsSync(out)).toBe(false);
  });

  it('an empty directory is an error (exit 2): nothing to analyse, nothing written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'emg-analyze-dir-'));
    mkdirSync(join(root, 'in'));
    const out = join(root, 'out');
    const c = capture();
    expect(await runAnalyze([join(root, 'in'), '--out', out], c.io)).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(c.err.join('')).toContain(`no .c3d files found under ${join(root, 'in')}`);
  });
});
