import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInspect, type InspectIo } from './inspect.js';

const ghostly = join(process.cwd(), 'test/fixtures/ghostly/Ghostly_Emg_20230321_17-50-17-0881.c3d');

async function run(args: string[], bytes?: Uint8Array): Promise<{ code: number; out: string }> {
  let out = '';
  const io: InspectIo = {
    stdout: (t) => (out += t),
    readFile: (p) => bytes ?? readFileSync(p),
  };
  const code = await runInspect(args, io);
  return { code, out };
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
    expect(json.header).toMatchObject({ processor: 'intel', data_format: 'float', point_count: 1, analog_channels: 4, analog_samples_per_frame: 30, frame_rate: 33, analog_rate: 990, parameter_block: 2, data_block: 4 });
    expect((json.parameters as Record<string, Record<string, unknown>>).INFO!.TIME).toEqual({ type: 'char', dims: [4, 5], values: ['2023', '3', '21', '17', '50'] });
    expect(json.points).toEqual({ rate: 33, frames: 5779, labels: ['PlayerPosition'] });
    expect(json.analog).toMatchObject({ rate: 990, samples_per_frame: 30, labels: ['CH1 Raw', 'CH2 Raw', 'CH1 activated', 'CH2 activated'] });
    expect(json.events).toEqual([]);
    expect(json.warnings).toEqual([]);
  });

  it('--samples adds point data and scaled channels', async () => {
    const { out } = await run([ghostly, '--json', '--samples']);
    const json = JSON.parse(out) as { points: { data: { label: string; x: number[] }[] }; analog: { channels: { samples: number[] }[] } };
    expect(json.points.data[0]!.label).toBe('PlayerPosition');
    expect(json.points.data[0]!.x).toHaveLength(5779);
    expect(json.analog.channels[0]!.samples).toHaveLength(5779 * 30);
  });

  it('damaged input: exit 2 and a typed error on stdout', async () => {
    const { code, out } = await run(['x.c3d', '--json'], new Uint8Array(100));
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({ error: { code: 'truncated', message: expect.any(String), offset: 100 } });
  });

  it('bad usage: exit 1', async () => {
    expect((await run([])).code).toBe(1);
    expect((await run([ghostly, '--bogus'])).code).toBe(1);
  });
});
