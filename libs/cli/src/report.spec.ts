import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeC3d } from '@app/analysis';
import { readC3dFile } from '@app/c3d/node';
import { runReport } from './report.js';
import { captureIo } from '../../../test/support/cli-io.js';

const f0409 = join(process.cwd(), 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-23-09-0409.c3d');
const truncated = join(process.cwd(), 'test/fixtures/c3d/ok/ghostly-unfinalised-truncated.c3d');

const capture = (chromium?: string | null) => captureIo({ chromium });

const bands = (svg: string) => (svg.match(/<rect class="ctr ctr-/g) ?? []).length;

describe('emg-c3d report', () => {
  it('prints the HTML report: one plot per channel with one band per contraction', async () => {
    const c = capture();
    expect(await runReport([f0409], c.io)).toBe(0);
    const html = c.out.join('');
    const report = analyzeC3d(readC3dFile(f0409));
    const svgs = [...html.matchAll(/<svg class="channel-plot" data-channel="([^"]+)"[\s\S]*?<\/svg>/g)];
    expect(svgs.map((m) => m[1])).toEqual(['CH1', 'CH2']);
    for (const m of svgs) expect(bands(m[0])).toBe(report.analytics[m[1]!]!.contraction_count);
    expect(html).toContain(report.performance_analysis.overall_score!.toFixed(1));
    expect(html).toContain('Ghostly_Emg_20230321_17-23-09-0409.c3d');
    expect(html).toMatch(/<code>[0-9a-f]{64}<\/code>/);
  });

  it('--out NAME.html writes the file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'emg-report-')), 'r.html');
    const c = capture();
    expect(await runReport([f0409, '--out', out], c.io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    expect(c.err.join('')).toBe(`wrote ${out}\n`);
  });

  it('shows the reader’s warning for a recording that was cut off', async () => {
    const c = capture();
    expect(await runReport([truncated], c.io)).toBe(0);
    expect(c.out.join('')).toContain('<div class="warn" data-code="unfinalised">');
  });

  it('a file that is not a C3D exits 2 with the reader’s code, writing nothing on stdout', async () => {
    const c = capture();
    expect(await runReport([join(process.cwd(), 'package.json')], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/^emg-c3d report: error \(/);
    expect(c.out).toEqual([]);
  });

  it('--out NAME.pdf without Chromium exits 3 saying how to enable it, and writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'emg-report-')), 'r.pdf');
    const c = capture(null);
    expect(await runReport([f0409, '--out', out], c.io)).toBe(3);
    expect(c.err.join('')).toMatch(/^emg-c3d report: error \(pdf_unavailable\): .*apt-get install chromium/);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [[], 'exactly one FILE'],
    [[f0409, '--out', 'r.docx'], '--out must end in .html or .pdf'],
    [[f0409, '--paper', 'a3'], '--paper is a4 or letter'],
    [[f0409, '--bogus'], 'unknown option --bogus'],
  ])('usage error %j -> exit 1', async (args, message) => {
    const c = capture();
    expect(await runReport(args as string[], c.io)).toBe(1);
    expect(c.err.join('')).toContain(message);
    expect(c.out).toEqual([]);
  });
});
