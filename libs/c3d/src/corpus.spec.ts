/**
 * The shared corpus: every file read and checked against the facts of its MANIFEST.md, read from
 * the MANIFEST itself. Skipped only when the corpus is absent (a fresh clone), with a warning in
 * the output (see test-data/corpus.ts); test/fixtures/c3d covers that case.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedCorpus } from '../test-data/corpus.js';
import { readManifest } from '../test-data/manifest.js';
import { getParameter, readC3d, type C3dFile } from './index.js';

const corpus = sharedCorpus('', 'C3D corpus (MANIFEST facts)');
const shared = corpus.dir;
const describeCorpus = corpus.present ? describe : describe.skip;
const read = (rel: string): C3dFile => readC3d(readFileSync(join(shared, rel)));
const manifest = corpus.present ? readManifest(join(shared, 'c3d', 'MANIFEST.md')) : [];

describeCorpus('shared C3D corpus: MANIFEST facts', () => {
  it.each(manifest.map((f) => [f.path, f] as const))('%s', (path, fact) => {
    const bytes = readFileSync(join(shared, 'c3d', path));
    expect(bytes.length).toBe(fact.bytes);
    const file = readC3d(bytes);
    expect(file.processor).toBe(fact.processor);
    expect(file.dataFormat).toBe(fact.format);
    expect(file.points.labels).toHaveLength(fact.points);
    expect(file.points.rate).toBeCloseTo(fact.pointRate, 3);
    expect(file.points.frames).toBe(fact.frames);
    expect(file.points.firstFrame).toBe(fact.firstFrame);
    expect(file.analog.labels).toHaveLength(fact.channels);
    expect(file.analog.channels).toHaveLength(fact.channels);
    if (fact.channels > 0) {
      expect(file.analog.samplesPerFrame).toBe(fact.samplesPerFrame);
      expect(file.analog.rate).toBeCloseTo(fact.analogRate!, 3);
      expect(file.analog.channels[0]!.length).toBe(fact.frames * fact.samplesPerFrame);
    }
    for (const x of file.points.x) expect(x.length).toBe(fact.frames);
    const headerOnly = readC3d(bytes, { headerOnly: true });
    expect(headerOnly.points.frames).toBe(fact.frames);
    expect(headerOnly.analog.labels).toEqual(file.analog.labels);
  });
});

/**
 * The MANIFEST's "detected anomalies" column, read from the file itself, against the reader's
 * warnings where a warning stands for the anomaly. sample_02/sgi_*: the MANIFEST says the
 * section "uses 42 blocks", which the file's layout does not allow (data starts at block 13
 * and 89 frames of 416 bytes fill the file from there to its end); the reader finds the
 * section's terminator within the 11 announced blocks, and these files decode equal to their
 * Intel twins (corpus-edge.spec), so no warning is expected there.
 */
describeCorpus('shared C3D corpus: MANIFEST anomalies the reader must report', () => {
  const rows = manifest;
  const RULES: [RegExp, (m: RegExpExecArray) => string | null][] = [
    [
      /parameter section uses (\d+) blocks but its header announces (\d+)/,
      (m) => (Number(m[1]) > Number(m[2]) ? 'parameter_blocks_understated' : null),
    ],
    [/ANALOG:RATE\/POINT:RATE = [\d.]+ is not an integer/, () => 'non_integer_rate_ratio'],
    [/ANALOG:SCALE has \d+ entries for \d+ channels/, () => 'analog_scale_short'],
    [/ANALOG:OFFSET has \d+ entries for \d+ channels/, () => 'analog_offset_short'],
  ];
  const EXPLAINED = new Set([
    'c3dio-c3d.org-samples/sample_02/sgi_int.c3d',
    'c3dio-c3d.org-samples/sample_02/sgi_real.c3d',
  ]);
  const cases = rows.flatMap(({ path, anomalies }) =>
    RULES.flatMap(([re, code]) => {
      const m = re.exec(anomalies);
      const want = m ? code(m) : null;
      return want && !EXPLAINED.has(path) ? [[path, want] as const] : [];
    }),
  );

  it('finds the anomaly rows of the MANIFEST', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)('%s warns %s', (path, code) => {
    expect(read(`c3d/${path}`).warnings.map((w) => w.code)).toContain(code);
  });
});

describeCorpus('shared GHOSTLY recordings', () => {
  const dir = join(shared, 'ghostly');
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.c3d')) : [];
  it.each(names)('%s reads as 1 point + 4 channels at 990 Hz', (name) => {
    const bytes = readFileSync(join(dir, name));
    const file = readC3d(bytes);
    expect(file.analog.labels).toEqual(['CH1 Raw', 'CH2 Raw', 'CH1 activated', 'CH2 activated']);
    expect(bytes.length).toBe(1536 + file.points.frames * 496);
    expect(getParameter(file, 'INFO', 'GAME_NAME')?.values).toEqual(['Ghostly']);
    expect(file.warnings).toEqual([]);
  });

  it('unfinalised 2024 recording gives its 4731 complete frames with a warning', () => {
    const file = read('c3d/emg-c3d-analyzer-history/Ghostly_Emg_20240304_10-05-56-0883.c3d');
    expect(file.points.frames).toBe(4731);
    expect(file.header.lastFrame).toBe(0);
    expect(file.header.dataBlock).toBe(0);
    expect(file.warnings.map((w) => w.code)).toContain('unfinalised');
    expect(file.analog.channels[0]!.length).toBe(4731 * 30);
    expect(getParameter(file, 'INFO', 'GAME_LEVEL')?.values).toEqual([-1]);
  });
});
