import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyze } from './analyze.js';

const ghostly = join(process.cwd(), 'test', 'fixtures', 'ghostly');
const f0409 = join(ghostly, 'Ghostly_Emg_20230321_17-23-09-0409.c3d');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) }, out, err };
}

describe('emg-c3d analyze', () => {
  it('--json prints one report with the original field names', async () => {
    const c = capture();
    expect(await runAnalyze([f0409, '--json'], c.io)).toBe(0);
    const r = JSON.parse(c.out.join('')) as { analytics: Record<string, { contraction_count: number }>; performance_analysis: { overall_score: number } };
    expect(r.analytics.CH1!.contraction_count).toBe(15);
    expect(r.performance_analysis.overall_score.toFixed(2)).toBe('82.07');
  });

  it('--params uses the original upload names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emg-analyze-'));
    const params = join(dir, 'p.json');
    writeFileSync(params, JSON.stringify({ session_params: { session_expected_contractions_ch2: 11 } }));
    const c = capture();
    expect(await runAnalyze([f0409, '--params', params, '--csv'], c.io)).toBe(0);
    expect(c.out.join('').split('\n')[1]).toMatch(/^Ghostly_Emg_20230321_17-23-09-0409\.c3d,CH1,15,/);
  });

  it('a directory writes JSON per file and summary.csv; a broken file does not stop the batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emg-analyze-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    copyFileSync(f0409, join(input, 'a.c3d'));
    writeFileSync(join(input, 'b.c3d'), 'not a c3d');
    const out = join(dir, 'out');
    const c = capture();
    expect(await runAnalyze([input, '--out', out], c.io)).toBe(2);
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[3]).toMatch(/^b\.c3d,/);
    expect(JSON.parse(readFileSync(join(out, 'a.json'), 'utf8'))).toHaveProperty('analytics.CH2');
    expect(c.err.join('')).toContain('1/2 analysed');
  });

  it('bad arguments and unknown profiles', async () => {
    expect(await runAnalyze([], capture().io)).toBe(1);
    expect(await runAnalyze([f0409, '--json', '--csv'], capture().io)).toBe(1);
    const c = capture();
    expect(await runAnalyze([f0409, '--profile', 'nope'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('unknown_profile');
  });
});
