import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeC3d, type C3dWriteSpec } from '@app/c3d';
import { sharedCorpus } from '../../c3d/test-data/corpus.js';
import { runInspect, type InspectIo } from './inspect.js';

const ghostly = join(process.cwd(), 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-50-17-0881.c3d');
const c3d = (rel: string): string => join(process.cwd(), 'test/fixtures/c3d', rel);

async function run(args: string[], bytes?: Uint8Array): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: InspectIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readFile: (p) => bytes ?? readFileSync(p),
  };
  const code = await runInspect(args, io);
  return { code, out, err };
}

describe('emg-c3d inspect', () => {
  it('prints a readable summary with the GHOSTLY groups', async () => {
    const { code, out } = await run([ghostly]);
    expect(code).toBe(0);
    expect(out).toContain('processor: intel   format: float');
    expect(out).toContain('CH1 activated');
    expect(out).toContain('group INFO');
    expect(out).toContain('TIME: char[4,5] "2023", "3", "21", "17", "50"');
  });

  it('--json gives header, parameters, points and analog', async () => {
    const { code, out } = await run([ghostly, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, Record<string, unknown>>;
    expect(json.header).toMatchObject({
      processor: 'intel',
      data_format: 'float',
      point_count: 1,
      analog_channels: 4,
      analog_samples_per_frame: 30,
      frame_rate: 33,
      analog_rate: 990,
      parameter_block: 2,
      data_block: 4,
    });
    expect((json.parameters as Record<string, Record<string, unknown>>).INFO!.TIME).toEqual({
      type: 'char',
      dims: [4, 5],
      values: ['2023', '3', '21', '17', '50'],
    });
    expect(json.points).toEqual({ rate: 33, frames: 5779, labels: ['PlayerPosition'] });
    expect(json.analog).toMatchObject({
      rate: 990,
      samples_per_frame: 30,
      labels: ['CH1 Raw', 'CH2 Raw', 'CH1 activated', 'CH2 activated'],
    });
    expect(json.events).toEqual([]);
    // GHOSTLY files carry no ANALOG:UNITS: reported, as inspect reports every tolerated gap
    expect(json.warnings).toEqual([{ code: 'analog_units_missing', message: expect.any(String) }]);
  });

  it('--samples adds point data and scaled channels', async () => {
    const { out } = await run([ghostly, '--json', '--samples']);
    const json = JSON.parse(out) as {
      points: { data: { label: string; x: number[] }[] };
      analog: { channels: { samples: number[] }[] };
    };
    expect(json.points.data[0]!.label).toBe('PlayerPosition');
    expect(json.points.data[0]!.x).toHaveLength(5779);
    expect(json.analog.channels[0]!.samples).toHaveLength(5779 * 30);
  });

  it('damaged input: exit 2 and a typed error on stdout', async () => {
    // a C3D header start (parameter block 2, key 0x50) on a file cut at 100 bytes
    const cut = new Uint8Array(100);
    cut.set([2, 0x50]);
    const { code, out } = await run(['x.c3d', '--json'], cut);
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({
      error: { code: 'truncated', message: expect.any(String), offset: 100 },
    });
  });

  it('bad usage: exit 1', async () => {
    expect((await run([])).code).toBe(1);
    expect((await run([ghostly, '--bogus'])).code).toBe(1);
  });
});

interface InspectJson {
  header: Record<string, unknown>;
  parameters: Record<string, Record<string, { type: string; dims: number[]; values: unknown[] }>>;
  points: {
    rate: number;
    frames: number;
    labels: string[];
    data?: { label: string; x: number[]; y: number[]; z: number[]; residual: number[] }[];
  };
  analog: { labels: string[]; units: string[]; channels?: { label: string; samples: number[] }[] };
  events: { label: string; time: number; source: string }[];
  warnings: { code: string; message: string; offset?: number }[];
}

async function inspectJson(args: string[], bytes?: Uint8Array): Promise<InspectJson> {
  const { code, out } = await run([...args, '--json'], bytes);
  expect(code).toBe(0);
  return JSON.parse(out) as InspectJson;
}

/** Two points over three frames from frame 10, float32-exact values; residual unit |POINT:SCALE| = 0.5. */
const small: C3dWriteSpec = {
  format: 'float',
  pointRate: 50,
  firstFrame: 10,
  points: {
    labels: ['P1', 'P2'],
    scale: 0.5,
    x: [
      [1.5, -2, 3.25],
      [10, 20, 30],
    ],
    y: [
      [4, 5.5, -6],
      [-0.25, 0, 0.25],
    ],
    z: [
      [7, 8, 9.75],
      [100, 200, 300],
    ],
    residual: [
      [0, 0.5, 2],
      [1, 1.5, 127.5],
    ],
  },
  analog: {
    samplesPerFrame: 2,
    labels: ['EMG1', 'EMG2'],
    units: ['V', 'mV'],
    channels: [
      [1, 2, 3, 4, 5, 6],
      [-1, -2, -3, -4, -5, -6],
    ],
  },
};

describe('emg-c3d inspect --json: header, units, samples', () => {
  it('header frames, scale factor and event count of Sample01 (c3d.org, POINT:SCALE 1/12 as float32)', async () => {
    const json = await inspectJson([c3d('ok/sample01-intel-integer.c3d')]);
    expect(json.header).toMatchObject({
      data_format: 'integer',
      first_frame: 1,
      last_frame: 450,
      scale_factor: Math.fround(1 / 12),
      event_count: 3,
    });
    // the three header events are the ones listed in events
    expect(json.events.map((e) => [e.label, e.source])).toEqual([
      ['RIC', 'header'],
      ['RHS', 'header'],
      ['RTO', 'header'],
    ]);
    expect(json.analog.units).toEqual([
      'nt',
      'nt',
      'nt',
      'ntmm',
      'ntmm',
      'ntmm',
      'd.u.',
      'd.u.',
      'nt',
      'nt',
      'nt',
      'ntmm',
      'ntmm',
      'ntmm',
      'd.u.',
      'd.u.',
    ]);
  });

  it('a written file: first/last frame and the negative scale factor of a float file', async () => {
    const json = await inspectJson(['small.c3d'], writeC3d(small));
    expect(json.header).toMatchObject({
      data_format: 'float',
      first_frame: 10,
      last_frame: 12,
      scale_factor: -0.5,
      event_count: 0,
      point_count: 2,
    });
    expect(json.analog.units).toEqual(['V', 'mV']);
    // without --samples no sample arrays are listed
    expect(json.points.data).toBeUndefined();
    expect(json.analog.channels).toBeUndefined();
  });

  it('--samples lists x, y, z and residual per point, and the channels, as written', async () => {
    const json = await inspectJson(['small.c3d', '--samples'], writeC3d(small));
    const p = small.points!;
    expect(json.points.data).toEqual(
      p.labels.map((label, i) => ({ label, x: p.x[i], y: p.y[i], z: p.z[i], residual: p.residual![i] })),
    );
    expect(json.analog.channels).toEqual([
      { label: 'EMG1', samples: [1, 2, 3, 4, 5, 6] },
      { label: 'EMG2', samples: [-1, -2, -3, -4, -5, -6] },
    ]);
  });

  it('the unfinalised GHOSTLY recording: 4731 frames and an unfinalised warning at the end of the file', async () => {
    const path = c3d('ok/ghostly-unfinalised-truncated.c3d');
    const json = await inspectJson([path]);
    expect(json.points.frames).toBe(4731);
    expect(json.header).toMatchObject({ last_frame: 0, data_block: 0 });
    expect(json.warnings).toEqual([
      {
        code: 'unfinalised',
        message: expect.stringContaining('4731 complete frames'),
        offset: statSync(path).size,
      },
      { code: 'analog_units_missing', message: expect.any(String) },
    ]);
    const { out } = await run([path]);
    expect(out).toContain('warnings: 2\n  [unfinalised] ');
  });
});

describe('emg-c3d inspect: errors', () => {
  it.each([
    ['not-ok/truncated-in-parameters.c3d', 'truncated', 700],
    ['not-ok/unsupported-processor.c3d', 'unsupported_processor', 515],
  ])('%s: exit 2, {error: {code, message, offset}} on stdout', async (rel, code, offset) => {
    const r = await run([c3d(rel), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ error: { code, message: expect.any(String), offset } });
    const text = await run([c3d(rel)]);
    expect([text.code, text.out, text.err]).toEqual([
      2,
      '',
      expect.stringMatching(new RegExp(`^emg-c3d inspect: error \\(${code}\\) at byte ${offset}: `)),
    ]);
  });

  it('a missing file: exit 2, the system error code and message', async () => {
    const missing = join(process.cwd(), 'test/fixtures/c3d/does-not-exist.c3d');
    const r = await run([missing, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      error: { code: 'ENOENT', message: expect.stringMatching(/^no such file or directory/) },
    });
    expect((await run([missing])).err).toMatch(/^emg-c3d inspect: error \(ENOENT\): no such file/);
  });
});

describe('emg-c3d inspect --json: same-name groups and parameters', () => {
  const spec: C3dWriteSpec = {
    pointRate: 10,
    analog: { samplesPerFrame: 1, labels: ['A'], channels: [[0, 1]] },
    groups: [
      {
        name: 'PROCESSING',
        parameters: [
          { name: 'A', type: 'int', values: [1] },
          { name: 'B', type: 'float', values: [2.5] },
          { name: 'A', type: 'int', values: [9] },
        ],
      },
      {
        name: 'PROCESSING',
        parameters: [
          { name: 'B', type: 'int', values: [3] },
          { name: 'C', type: 'char', values: ['x'] },
        ],
      },
      { name: '__proto__', parameters: [{ name: 'polluted', type: 'int', values: [1] }] },
    ],
  };

  it('keeps the first occurrence, merges new names of later groups, and warns for each collision', async () => {
    const json = await inspectJson(['dup.c3d'], writeC3d(spec));
    expect(json.parameters.PROCESSING).toEqual({
      A: { type: 'int', dims: [], values: [1] },
      B: { type: 'float', dims: [], values: [2.5] },
      C: { type: 'char', dims: [1], values: ['x'] },
    });
    // the writer numbers groups in order: PROCESSING 1 and 2
    expect(json.warnings).toEqual([
      {
        code: 'duplicate_group',
        message: expect.stringMatching(/^group PROCESSING occurs 2 times \(ids 1, 2\); /),
      },
      {
        code: 'duplicate_parameter',
        message: expect.stringMatching(/^group PROCESSING: 2 later record\(s\) .*: A, B$/),
      },
    ]);
  });

  it('a group named __proto__ is an own key, and nothing lands on Object.prototype', async () => {
    const json = await inspectJson(['dup.c3d'], writeC3d(spec));
    expect(Object.hasOwn(json.parameters, '__proto__')).toBe(true);
    expect(json.parameters['__proto__']).toEqual({ polluted: { type: 'int', dims: [], values: [1] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // c3d.org sample_33: two PROCESSING groups (ids 10 and 11, the second empty) and 2879
  // PROCESSING parameter records of 115 names, 113 of them repeated (the MANIFEST lists those
  // 113): 115 shown, 2879 - 115 = 2764 records left out, 20 names listed and 93 more
  const corpus = sharedCorpus('c3d', 'inspect: bigparlove.c3d');
  const bigparlove = join(corpus.dir, 'c3dio-c3d.org-samples/sample_33/bigparlove.c3d');
  (corpus.present && existsSync(bigparlove) ? it : it.skip)(
    'bigparlove.c3d (shared corpus): both duplications are reported',
    async () => {
      const json = await inspectJson([bigparlove]);
      expect(Object.keys(json.parameters.PROCESSING!)).toHaveLength(115);
      expect(json.parameters.PROCESSING!.MarkerDiameter).toBeDefined();
      expect(json.warnings.map((w) => w.code)).toEqual([
        'duplicate_analog_labels',
        'duplicate_group',
        'duplicate_parameter',
      ]);
      expect(json.warnings[1]!.message).toMatch(/^group PROCESSING occurs 2 times \(ids 10, 11\)/);
      expect(json.warnings[2]!.message).toMatch(/^group PROCESSING: 2764 later record\(s\) .* and 93 more$/);
    },
  );
});
