/**
 * Edge cases of the shared corpus (docs/c3d-format-notes.md sections 5 and 6); skipped, with a
 * warning in the output, when the corpus is absent (see test-data/corpus.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedCorpus } from '../test-data/corpus.js';
import { getParameter, readC3d, type C3dFile } from './index.js';

const corpus = sharedCorpus('c3d', 'C3D corpus edge cases');
const shared = corpus.dir;
const describeCorpus = corpus.present ? describe : describe.skip;
const org = 'c3dio-c3d.org-samples';
const read = (rel: string): C3dFile => readC3d(readFileSync(join(shared, rel)));
const codes = (f: C3dFile): string[] => f.warnings.map((w) => w.code);

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function expectSameData(ref: C3dFile, other: C3dFile, pointTolerance: number, camera = true): void {
  expect(other.points.frames).toBe(ref.points.frames);
  for (let p = 0; p < ref.points.x.length; p++) {
    for (const axis of ['x', 'y', 'z', 'residual'] as const) {
      expect(maxDiff(ref.points[axis][p]!, other.points[axis][p]!)).toBeLessThanOrEqual(pointTolerance);
    }
    if (camera) expect(other.points.camera[p]).toEqual(ref.points.camera[p]);
  }
  ref.analog.channels.forEach((c, i) => expect(maxDiff(c, other.analog.channels[i]!)).toBe(0));
}

describeCorpus('cross-encoding equality', () => {
  it('the six Sample01 encodings decode to the same values', () => {
    const names = ['Eb015pi', 'Eb015pr', 'Eb015si', 'Eb015sr', 'Eb015vi', 'Eb015vr'];
    const [ref, ...rest] = names.map((n) => read(`${org}/sample_01/${n}.c3d`));
    expect(new Set([ref!, ...rest].map((f) => f.processor))).toEqual(new Set(['intel', 'dec', 'mips']));
    for (const f of rest) expectSameData(ref!, f, 0);
    // Residual word: low byte x |scale|, camera mask in the high byte (ezc3d swaps them).
    expect(ref!.points.residual[0]![0]).toBeCloseTo(1.3333, 4);
  });

  it('Sample02: four encodings identical; pc_int and sgi_int differ by at most one LSB (in the files)', () => {
    const dir = `${org}/sample_02`;
    const ref = read(`${dir}/pc_real.c3d`);
    for (const n of ['dec_real', 'sgi_real']) expectSameData(ref, read(`${dir}/${n}.c3d`), 0);
    // dec_int's camera masks differ in 96 words (e.g. 0x3e08 where pc_int has 0x3d08): in the file.
    expectSameData(ref, read(`${dir}/dec_int.c3d`), 0, false);
    const lsb = Math.abs(ref.points.scale);
    for (const n of ['pc_int', 'sgi_int']) expectSameData(ref, read(`${dir}/${n}.c3d`), lsb * 1.0001);
  });
});

describeCorpus('analog scaling', () => {
  it('integer file: (raw - offset) * scale * gen_scale from the raw words', () => {
    const bytes = readFileSync(join(shared, `${org}/sample_01/Eb015pi.c3d`));
    const f = readC3d(bytes);
    const start = (f.header.dataBlock - 1) * 512 + 26 * 4 * 2;
    const raw = new DataView(bytes.buffer, bytes.byteOffset).getInt16(start + 2 * 3, true);
    expect(f.analog.offset[3]).toBe(2048);
    expect(f.analog.genScale).toBe(0.5);
    expect(f.analog.channels[3]![0]).toBeCloseTo((raw - 2048) * f.analog.scale[3]! * 0.5, 12);
  });

  it.each([
    `${org}/sample_17/128analogchannels.c3d`,
    'BTKCore-history/shd01.c3d',
    'BTKCore-history/parameterOverflow.c3d',
  ])('%s: ANALOG:FORMAT UNSIGNED reads offsets as uint16', (rel) => {
    const f = read(rel);
    expect(f.analog.unsigned).toBe(true);
    const stored = getParameter(f, 'ANALOG', 'OFFSET')!.values as number[];
    expect(stored.some((v) => v < 0)).toBe(true);
    expect(f.analog.offset.every((v) => v >= 0 && v <= 65535)).toBe(true);
    stored.slice(0, f.analog.offset.length).forEach((v, i) => expect(f.analog.offset[i]).toBe(v & 0xffff));
  });

  it.each([
    `${org}/sample_03/gait-pig-nz.c3d`,
    `${org}/sample_23/Vicon_analysis.c3d`,
    `${org}/sample_13/Dance.c3d`,
    `${org}/sample_13/Dance1.c3d`,
  ])('%s: negative GEN_SCALE is applied', (rel) => expect(read(rel).analog.genScale).toBe(-1));

  it('OFFSET stored as FLOAT (Dance) and SCALE stored as INT (AlbertoINT)', () => {
    const dance = read(`${org}/sample_13/Dance.c3d`);
    expect(getParameter(dance, 'ANALOG', 'OFFSET')?.type).toBe('float');
    expect(codes(dance)).toContain('parameter_blocks_understated');
    expect(getParameter(read(`${org}/sample_34/AlbertoINT.c3d`), 'ANALOG', 'SCALE')?.type).toBe('int');
  });

  it('evart: SCALE/UNITS shorter than USED give scale 1 and empty units; header samples/frame', () => {
    const f = read(`${org}/sample_11/evart.c3d`);
    expect(f.analog.samplesPerFrame).toBe(17);
    expect(f.analog.scale.slice(24)).toEqual([1, 1, 1, 1]);
    expect(f.analog.units.slice(24)).toEqual(['', '', '', '']);
    expect(codes(f)).toEqual(expect.arrayContaining(['non_integer_rate_ratio', 'analog_scale_short']));
  });
});

describeCorpus('structure edge cases', () => {
  it('parameter section longer than announced: parameterOverflow keeps ANALYSIS:VALUES', () => {
    expect(getParameter(read('BTKCore-history/parameterOverflow.c3d'), 'ANALYSIS', 'VALUES')).toBeDefined();
  });

  it('kyowadengyo: parameters (12 points) win over the header (11)', () => {
    const f = read(`${org}/sample_27/kyowadengyo.c3d`);
    expect(f.header.pointCount).toBe(11);
    expect(f.points.labels).toHaveLength(12);
  });

  it('bigparlove: duplicate PROCESSING groups are both kept, data block 188 read unsigned', () => {
    const f = read(`${org}/sample_33/bigparlove.c3d`);
    expect(f.parameters.filter((g) => g.name === 'PROCESSING')).toHaveLength(2);
    expect(f.header.dataBlock).toBe(188);
  });

  it('Mega: Latin-1 degree sign in UNITS, BYTE-typed DATA_START', () => {
    const f = read(`${org}/sample_35/Mega Electronics Isokinetic EMG Angle Torque Sample File.c3d`);
    expect(f.analog.units.join('')).toContain('°');
    expect(getParameter(f, 'POINT', 'DATA_START')?.type).toBe('byte');
  });

  it('phasespace: no parameters at all, layout from the header', () => {
    const f = read(`${org}/sample_20/phasespace_sample.c3d`);
    expect(f.parameters).toEqual([]);
    expect(f.points.labels).toHaveLength(40);
  });

  it('Kistler: no POINT group, 10 samples per frame from ANALOG:RATE and the header rate', () => {
    const f = read('ezc3d-testFiles/Kistler.c3d');
    expect(f.parameters.some((g) => g.name === 'POINT')).toBe(false);
    expect(f.analog.samplesPerFrame).toBe(10);
  });

  it('names keep their original case', () => {
    const f = read(`${org}/sample_33/bigparlove.c3d`);
    const names = f.parameters.flatMap((g) => g.parameters.map((p) => p.name));
    expect(names).toContain('$bodymass');
  });
});
