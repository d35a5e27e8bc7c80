// Every error mode of the CLI, each with its near miss: one error shape (JSON on stdout with
// --json, text on stderr otherwise), "not a C3D file" before the reader, per-channel reasons,
// directories (--recursive, nothing found), non-EMG channels, the two-muscle scores, --help.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readC3d, toWriteSpec, writeC3d } from '@app/c3d';
import { runAnalyze } from './analyze.js';
import { main } from './cli.js';
import { runInspect } from './inspect.js';
import { captureIo } from '../../../test/support/cli-io.js';

const root = process.cwd();
const f0881 = join(root, 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-50-17-0881.c3d');
const textRenamed = join(root, 'test/fixtures/bad-input/text-renamed.c3d');
const truncated = join(root, 'test/fixtures/c3d/not-ok/truncated-in-parameters.c3d');

/** stdout and stderr as text so far. */
function capture() {
  const { io, out, err } = captureIo();
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const inspectIo = (c: ReturnType<typeof capture>) => ({ ...c.io, readFile: (p: string) => readFileSync(p) });

/** 0881 with extra analog channels appended (copies of CH1 Raw), to test the channel selection. */
function with0881Plus(extra: { label: string; unit: string }[]): string {
  const file = readC3d(readFileSync(f0881));
  const spec = toWriteSpec(file);
  const raw = file.analog.channels[0]!;
  spec.analog = {
    ...spec.analog!,
    labels: [...file.analog.labels, ...extra.map((e) => e.label)],
    units: [...file.analog.labels.map(() => ''), ...extra.map((e) => e.unit)],
    descriptions: [...file.analog.descriptions, ...extra.map(() => '')],
    scale: [...file.analog.scale, ...extra.map(() => 1)],
    offset: [...file.analog.offset, ...extra.map(() => 0)],
    channels: [...file.analog.channels, ...extra.map(() => raw)],
  };
  spec.groups = (spec.groups ?? []).filter((g) => g.name !== 'ANALOG' && g.name !== 'POINT');
  const path = join(mkdtempSync(join(tmpdir(), 'emg-cli-')), 'mixed.c3d');
  writeFileSync(path, writeC3d(spec));
  return path;
}

describe('one error shape for every command', () => {
  it('analyze --json: the error object on stdout, exit 2, stderr quiet', async () => {
    const c = capture();
    expect(await runAnalyze([textRenamed, '--json'], c.io)).toBe(2);
    expect(JSON.parse(c.out())).toEqual({
      error: { code: 'not_c3d', message: expect.stringMatching(/^not a C3D file: /), offset: 0 },
    });
    expect(c.err()).toBe('');
  });

  it('analyze without --json: one text line on stderr, stdout empty', async () => {
    const c = capture();
    expect(await runAnalyze([textRenamed], c.io)).toBe(2);
    expect(c.err()).toMatch(/^emg-c3d analyze: error \(not_c3d\): not a C3D file: it starts with 0x54 0x68/);
    expect(c.out()).toBe('');
  });

  it('inspect reports the same way (text on stderr, JSON on stdout)', async () => {
    const text = capture();
    expect(await runInspect([textRenamed], inspectIo(text))).toBe(2);
    expect(text.err()).toMatch(/^emg-c3d inspect: error \(not_c3d\): not a C3D file/);
    expect(text.out()).toBe('');
    const json = capture();
    expect(await runInspect([textRenamed, '--json'], inspectIo(json))).toBe(2);
    expect((JSON.parse(json.out()) as { error: { code: string } }).error.code).toBe('not_c3d');
  });

  it('an empty file is "not a C3D file" too', async () => {
    const c = capture();
    expect(await runAnalyze([join(root, 'test/fixtures/bad-input/empty.c3d'), '--json'], c.io)).toBe(2);
    expect(JSON.parse(c.out())).toMatchObject({
      error: { code: 'not_c3d', message: 'not a C3D file: the file is empty' },
    });
  });

  it('near miss: a C3D header with a damaged body is the reader error, with its offset', async () => {
    const c = capture();
    expect(await runAnalyze([truncated, '--json'], c.io)).toBe(2);
    expect(JSON.parse(c.out())).toEqual({
      error: { code: 'truncated', message: expect.any(String), offset: 700 },
    });
  });

  it('a missing file: the system error code, exit 2', async () => {
    const c = capture();
    expect(await runAnalyze([join(root, 'nope.c3d'), '--json'], c.io)).toBe(2);
    expect(JSON.parse(c.out())).toEqual({
      error: { code: 'ENOENT', message: expect.stringMatching(/^no such file or directory/) },
    });
  });

  it('usage errors: exit 1, JSON with --json', async () => {
    const c = capture();
    expect(await runAnalyze([f0881, '--json', '--bogus'], c.io)).toBe(1);
    expect(JSON.parse(c.out())).toEqual({ error: { code: 'usage', message: 'unknown option --bogus' } });
  });
});

describe('per-channel reasons', () => {
  it('no_emg_channels names each channel and why (JSON and text)', async () => {
    // 4 s of a 10 s minimum: every channel fails signal validation
    const spec = {
      pointRate: 100,
      analog: {
        samplesPerFrame: 10,
        labels: ['EMG L', 'EMG R'],
        units: ['V', 'V'],
        channels: [0, 1].map(() => Array.from({ length: 4000 }, (_, i) => Math.sin(i) * 1e-4)),
      },
    };
    const path = join(mkdtempSync(join(tmpdir(), 'emg-cli-')), 'short.c3d');
    writeFileSync(path, writeC3d(spec));
    const c = capture();
    expect(await runAnalyze([path, '--json'], c.io)).toBe(2);
    const body = JSON.parse(c.out()) as {
      error: { code: string; channels: Record<string, { code: string }> };
    };
    expect(body.error.code).toBe('no_emg_channels');
    expect(Object.keys(body.error.channels).sort()).toEqual(['EMG L', 'EMG R']);
    expect(body.error.channels['EMG L']!.code).toBe('duration_too_short');
    const t = capture();
    expect(await runAnalyze([path], t.io)).toBe(2);
    expect(t.err()).toContain('\n  EMG L: duration_too_short: ');
  });
});

describe('analyze DIR', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'emg-cli-dir-'));
    mkdirSync(join(dir, 'P001', 'week1'), { recursive: true });
    copyFileSync(f0881, join(dir, 'P001', 'week1', 'a.c3d'));
  });

  it('without --recursive: "no .c3d files found under DIR", exit 2, with the hint', async () => {
    const c = capture();
    expect(await runAnalyze([dir, '--out', join(dir, 'out')], c.io)).toBe(2);
    expect(c.err()).toContain(
      `error (no_c3d_files): no .c3d files found under ${dir} (1 subfolder(s) not searched: add --recursive)`,
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--recursive finds it, writes the JSON under the same relative folder', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'emg-cli-out-')), 'out');
    const c = capture();
    expect(await runAnalyze([dir, '--recursive', '--out', out], c.io)).toBe(0);
    expect(c.err()).toContain('1/1 analysed');
    const report = JSON.parse(readFileSync(join(out, 'P001/week1/a.json'), 'utf8')) as {
      performance_analysis: { overall_score: number };
    };
    expect(report.performance_analysis.overall_score).toBeCloseTo(78.25, 2);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toContain('\nP001/week1/a.c3d,CH1,');
  });

  it('an empty directory: exit 2, nothing written', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'emg-cli-empty-'));
    const c = capture();
    expect(await runAnalyze([empty, '--out', join(empty, 'out')], c.io)).toBe(2);
    expect(c.err()).toContain(`no .c3d files found under ${empty}\n`);
  });
});

describe('channels that are not EMG, and the two-muscle scores', () => {
  it('skips channels by unit and by label with a warning; GHOSTLY layout keeps its scores', async () => {
    const path = with0881Plus([
      { label: 'Acc_1 :X', unit: 'g' },
      { label: 'Fz', unit: 'V' },
    ]);
    const c = capture();
    expect(await runAnalyze([path, '--json'], c.io)).toBe(0);
    const r = JSON.parse(c.out()) as {
      analytics: Record<string, unknown>;
      performance_analysis: { overall_score: number } | null;
      warnings: { code: string; message: string }[];
    };
    expect(Object.keys(r.analytics)).toEqual(['CH1', 'CH2']);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'Acc_1 :X: not analysed as EMG, unit "g" is not a voltage',
      'Fz: not analysed as EMG, label "Fz" names a non-EMG signal',
    ]);
    expect(r.performance_analysis!.overall_score).toBeCloseTo(78.25, 2);
    expect(c.err()).toContain('warning (channel_skipped): Acc_1 :X');
  });

  it('near miss: a third EMG channel (mV) is analysed, and then the sides are unknown: no scores', async () => {
    const path = with0881Plus([{ label: 'EMG3', unit: 'mV' }]);
    const c = capture();
    expect(await runAnalyze([path, '--json'], c.io)).toBe(0);
    const r = JSON.parse(c.out()) as {
      analytics: Record<string, unknown>;
      performance_analysis: unknown;
      warnings: { code: string }[];
    };
    expect(Object.keys(r.analytics)).toEqual(['CH1', 'CH2', 'EMG3']);
    expect(r.performance_analysis).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['scores_not_computed']);
    const text = capture();
    await runAnalyze([path], text.io);
    expect(text.out()).toContain('scores: not computed');
  });

  it('--muscles LEFT,RIGHT names the sides; an unknown name is an error', async () => {
    const path = with0881Plus([{ label: 'EMG3', unit: 'mV' }]);
    const c = capture();
    expect(await runAnalyze([path, '--json', '--muscles', 'CH1,CH2'], c.io)).toBe(0);
    expect(
      (JSON.parse(c.out()) as { performance_analysis: { overall_score: number } }).performance_analysis
        .overall_score,
    ).toBeCloseTo(78.25, 2);
    const bad = capture();
    expect(await runAnalyze([path, '--json', '--muscles', 'CH1,CH9'], bad.io)).toBe(2);
    expect(JSON.parse(bad.out())).toMatchObject({ error: { code: 'unknown_channel' } });
    expect(await runAnalyze([path, '--muscles', 'CH1'], capture().io)).toBe(1);
  });
});

describe('inspect reports what the reader tolerates', () => {
  const warnings = async (name: string) => {
    const c = capture();
    expect(await runInspect([join(root, 'test/fixtures/c3d/ok', name), '--json'], inspectIo(c))).toBe(0);
    return (JSON.parse(c.out()) as { warnings: { code: string; message: string }[] }).warnings;
  };

  it('a BTS file without rates, units or data start, with duplicate point labels', async () => {
    expect((await warnings('bts-missing-rates-duplicate-labels.c3d')).map((w) => w.code)).toEqual([
      'point_rate_missing',
      'analog_rate_missing',
      'analog_units_missing',
      'data_start_missing',
      'duplicate_point_labels',
    ]);
  });

  it('a MIPS file whose parameter records run into the data (header announces 11 blocks)', async () => {
    const w = await warnings('mips-parameter-chain-past-data.c3d');
    expect(w.map((x) => x.code)).toEqual(['parameter_chain_past_data']);
    expect(w[0]!.message).toContain('announces 11 block(s)');
  });

  it('near miss: the same kind of MIPS file with a terminated parameter section has none', async () => {
    expect(await warnings('sample01-mips-integer.c3d')).toEqual([]);
  });

  it('a GHOSTLY recording has no ANALOG:UNITS (its channels are in volts by convention)', async () => {
    const c = capture();
    expect(await runInspect([f0881, '--json'], inspectIo(c))).toBe(0);
    const codes = (JSON.parse(c.out()) as { warnings: { code: string }[] }).warnings.map((w) => w.code);
    expect(codes).toEqual(['analog_units_missing']);
  });
});

describe('--help on every command', () => {
  it.each(['inspect', 'analyze', 'report', 'bids'])(
    '%s --help: its usage on stdout, exit 0',
    async (name) => {
      const c = capture();
      expect(await main([name, '--help'], c.io)).toBe(0);
      expect(c.out()).toMatch(new RegExp(`^usage: emg-c3d ${name} `));
      expect(c.err()).toBe('');
      const h = capture();
      expect(await main(['help', name], h.io)).toBe(0);
      expect(h.out()).toBe(c.out());
    },
  );

  it('near miss: an unknown command is a usage error', async () => {
    const c = capture();
    expect(await main(['nope', '--help'], c.io)).toBe(1);
    expect(c.err()).toContain('unknown command "nope"');
  });
});
