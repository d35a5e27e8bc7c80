/** test/fixtures/c3d: the copied corpus subset and the writer's synthetic files (runs on a fresh clone). */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticCases } from '../test-data/synthetic.js';
import { C3dError, getParameter, readC3d, type C3dFile } from './index.js';
import { toWriteSpec, writeC3d } from './writer/index.js';

const dir = join(process.cwd(), 'test/fixtures/c3d');
const bytesOf = (rel: string): Uint8Array => readFileSync(join(dir, rel));
const read = (rel: string): C3dFile => readC3d(bytesOf(rel));
const codes = (f: C3dFile): string[] => f.warnings.map((w) => w.code);

/** Count of differing samples; 0 equals -0 and NaN equals NaN. */
function mismatches(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = a.length === b.length ? 0 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) n++;
  return n;
}

const okFacts: [string, string, string, number, number, number][] = [
  // file, processor, format, points, channels, frames
  ['sample01-intel-integer.c3d', 'intel', 'integer', 26, 16, 450],
  ['sample01-intel-float.c3d', 'intel', 'float', 26, 16, 450],
  ['sample01-dec-integer.c3d', 'dec', 'integer', 26, 16, 450],
  ['sample01-dec-float.c3d', 'dec', 'float', 26, 16, 450],
  ['sample01-mips-integer.c3d', 'mips', 'integer', 26, 16, 450],
  ['sample01-mips-float.c3d', 'mips', 'float', 26, 16, 450],
  ['unsigned-analog-negative-offsets.c3d', 'intel', 'float', 27, 6, 237],
  ['ghostly-unfinalised-truncated.c3d', 'intel', 'float', 1, 4, 4731],
  ['header-parameter-mismatch.c3d', 'dec', 'integer', 12, 24, 145],
  ['parameter-blocks-understated-float-offset.c3d', 'intel', 'float', 40, 8, 499],
  ['non-integer-rate-ratio.c3d', 'dec', 'integer', 22, 28, 243],
];

describe('fixtures/c3d/ok (real files)', () => {
  it.each(okFacts)('%s', (name, processor, format, points, channels, frames) => {
    const f = read(`ok/${name}`);
    expect([
      f.processor,
      f.dataFormat,
      f.points.labels.length,
      f.analog.labels.length,
      f.points.frames,
    ]).toEqual([processor, format, points, channels, frames]);
  });

  it('the six Sample01 encodings decode to identical values', () => {
    const files = okFacts.slice(0, 6).map(([n]) => read(`ok/${n}`));
    for (const f of files.slice(1)) {
      expect(f.points.x).toEqual(files[0]!.points.x);
      expect(f.points.residual).toEqual(files[0]!.points.residual);
      expect(f.analog.channels).toEqual(files[0]!.analog.channels);
    }
  });

  it('unfinalised GHOSTLY: 4731 complete frames and a warning', () => {
    const f = read('ok/ghostly-unfinalised-truncated.c3d');
    expect(codes(f)).toContain('unfinalised');
    expect(f.analog.rate).toBe(990);
  });

  it('UNSIGNED offsets are read as uint16', () => {
    const f = read('ok/unsigned-analog-negative-offsets.c3d');
    expect(f.analog.unsigned).toBe(true);
    expect(f.analog.offset.every((o) => o >= 0)).toBe(true);
  });
});

describe('fixtures/c3d/not-ok', () => {
  const error = (rel: string): C3dError => {
    try {
      read(rel);
    } catch (e) {
      if (e instanceof C3dError) return e;
      throw e;
    }
    throw new Error(`${rel} was read without error`);
  };

  it('file cut inside the parameter section: C3dError truncated at the end offset', () => {
    const e = error('not-ok/truncated-in-parameters.c3d');
    expect([e.code, e.offset]).toEqual(['truncated', 700]);
  });

  it('unknown processor byte: C3dError unsupported_processor at the parameter header', () => {
    const e = error('not-ok/unsupported-processor.c3d');
    expect([e.code, e.offset]).toEqual(['unsupported_processor', 515]);
  });

  it('file cut in the data section: the complete frames and a truncated warning', () => {
    const f = read('not-ok/truncated-mid-data.c3d');
    expect(f.points.frames).toBe(
      Math.floor((100000 - (f.header.dataBlock - 1) * 512) / (4 * (26 * 4 + 16 * 4))),
    );
    expect(codes(f)).toContain('truncated');
  });

  it.each(['not-ok/bad-parameter-section.c3d', 'not-ok/bad-parameter-offset.c3d'])(
    '%s: read with warnings',
    (rel) => {
      const f = read(rel);
      expect(f.warnings.length).toBeGreaterThan(0);
      expect(f.points.frames).toBeGreaterThan(0);
    },
  );
});

describe('writer', () => {
  it.each(syntheticCases.map((c) => [c.file, c] as const))('%s matches the committed fixture', (file, c) => {
    expect(Buffer.from(writeC3d(c.spec())).equals(bytesOf(file))).toBe(true);
  });

  it('synthetic encodings of one trial decode to the values written', () => {
    const specs = syntheticCases.slice(0, 6).map((c) => ({ spec: c.spec(), file: read(c.file) }));
    for (const { spec, file } of specs) {
      // Integer files quantise to POINT:SCALE 0.1 (stored as float32): half an LSB plus float error.
      const tol = file.dataFormat === 'float' ? 1e-3 : 0.0501;
      spec.points!.x.forEach((x, p) =>
        Array.from(x).forEach((v, i) => expect(Math.abs(file.points.x[p]![i]! - v)).toBeLessThanOrEqual(tol)),
      );
      expect(Array.from(file.points.residual[0]!.subarray(0, 3))).toEqual([-1, 0.5, 0.5]);
      expect(Array.from(file.points.camera[0]!.subarray(1, 4))).toEqual([1, 2, 3]);
      spec.analog!.channels.forEach((ch, c) =>
        Array.from(ch).forEach((v, i) => expect(file.analog.channels[c]![i]).toBeCloseTo(v, 6)),
      );
      expect(file.events).toEqual([
        { label: 'Foot Strike', context: 'Left', time: 0.5, description: '', source: 'parameters' },
      ]);
      expect(getParameter(file, 'SUBJECTS', 'NAMES')?.values).toEqual(['synthetic']);
    }
  });

  it('more than 65535 frames, more than 255 channels, UNSIGNED integer analog', () => {
    const long = read('ok/synthetic-70000-frames.c3d');
    expect(long.points.frames).toBe(70000);
    expect(long.analog.channels[0]![69999]).toBe((69999 % 2000) - 1000);
    const wide = read('ok/synthetic-300-channels.c3d');
    expect(wide.analog.labels[299]).toBe('CH300');
    expect(getParameter(wide, 'ANALOG', 'LABELS2')?.values).toHaveLength(45);
    expect(wide.analog.offset[299]).toBe(299);
    const u = read('ok/synthetic-unsigned-integer-analog.c3d');
    expect(Array.from(u.analog.channels[0]!, (v) => Math.round(v / 0.01 + 32768))).toEqual([
      0, 1, 32767, 32768, 40000, 65535,
    ]);
  });

  it.each(okFacts.map(([n]) => n))('round trip %s: read -> write -> read gives the same values', (name) => {
    const a = read(`ok/${name}`);
    const b = readC3d(writeC3d(toWriteSpec(a)));
    for (const axis of ['x', 'y', 'z', 'residual', 'camera'] as const) {
      a.points[axis].forEach((arr, p) => expect(mismatches(arr, b.points[axis][p]!)).toBe(0));
    }
    a.analog.channels.forEach((arr, c) => expect(mismatches(arr, b.analog.channels[c]!)).toBe(0));
    expect(b.points.labels).toEqual(a.points.labels);
    expect(b.analog.labels).toEqual(a.analog.labels);
    // Custom groups survive unchanged.
    const custom = a.parameters.filter((g) => !['POINT', 'ANALOG', 'EVENT', 'TRIAL'].includes(g.name));
    for (const g of custom)
      for (const p of g.parameters) expect(getParameter(b, g.name, p.name)?.values).toEqual(p.values);
  });

  it('integer round trip keeps the raw data words', () => {
    const original = bytesOf('ok/sample01-intel-integer.c3d');
    const a = readC3d(original);
    const written = writeC3d(toWriteSpec(a));
    const b = readC3d(written);
    const len = a.points.frames * 2 * (26 * 4 + 16 * 4);
    const from = (a.header.dataBlock - 1) * 512;
    const to = (b.header.dataBlock - 1) * 512;
    expect(Buffer.from(written.subarray(to, to + len)).equals(original.subarray(from, from + len))).toBe(
      true,
    );
  });

  it('rejects inconsistent specs with invalid_spec', () => {
    expect(() => writeC3d({ pointRate: 0 })).toThrow(C3dError);
    expect(() =>
      writeC3d({ pointRate: 10, analog: { samplesPerFrame: 1, labels: ['a'], channels: [] } }),
    ).toThrow(expect.objectContaining({ code: 'invalid_spec' }));
  });
});
