import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getParameter, readC3d } from './index.js';

const dir = join(process.cwd(), 'test/fixtures/ghostly');
const files = readdirSync(dir).filter((f) => f.endsWith('.c3d'));

describe('GHOSTLY recordings (Intel float)', () => {
  it.each(files)('%s: 1 point at 33 Hz, 4 channels at 990 Hz, sizes consistent', (name) => {
    const bytes = readFileSync(join(dir, name));
    const file = readC3d(bytes);
    expect(file.processor).toBe('intel');
    expect(file.dataFormat).toBe('float');
    expect(file.points.rate).toBe(33);
    expect(file.points.labels).toEqual(['PlayerPosition']);
    expect(file.analog.rate).toBe(990);
    expect(file.analog.samplesPerFrame).toBe(30);
    expect(file.analog.labels).toEqual(['CH1 Raw', 'CH2 Raw', 'CH1 activated', 'CH2 activated']);
    // Files end exactly after the last frame: 3 blocks + frames x 124 floats.
    expect(bytes.length).toBe(3 * 512 + file.points.frames * 496);
    expect(file.analog.channels[0]!.length).toBe(file.points.frames * 30);
    // The notes say z is always -3; the files also hold other values, so only check they are finite.
    expect(file.points.z[0]!.every((v) => Number.isFinite(v))).toBe(true);
    expect(file.points.residual[0]!.every((v) => v === 0)).toBe(true);
    expect(file.warnings).toEqual([]);
    expect(file.events).toEqual([]);
    const raw = file.analog.channels[0]!;
    expect(Math.max(...raw.subarray(0, 10000).map(Math.abs))).toBeLessThanOrEqual(0.0056);
  });

  it('exposes the game metadata groups', () => {
    const file = readC3d(readFileSync(join(dir, 'Ghostly_Emg_20230321_17-50-17-0881.c3d')));
    expect(getParameter(file, 'INFO', 'TIME')?.values).toEqual(['2023', '3', '21', '17', '50']);
    expect(getParameter(file, 'info', 'time')?.dims).toEqual([4, 5]);
    expect(getParameter(file, 'INFO', 'SYSTEM')?.values).toEqual(['OpenFeasyo']);
    expect(getParameter(file, 'INFO', 'GAME_LEVEL_NAME')?.values).toEqual([' ---']);
    expect(getParameter(file, 'SUBJECTS', 'MARKER_SET')?.values).toEqual(['Using ETRO extended marker set']);
    expect(getParameter(file, 'POINT', 'DATA_TYPE_LABELS')?.values).toEqual([
      'Skeleton',
      'Accelerometer',
      'BalanceBoard',
      'Emg',
    ]);
    expect(file.points.frames).toBe(5779);
    expect(file.header.fourCharEvents).toBe(true);
  });

  it('headerOnly fills metadata without samples', () => {
    const file = readC3d(readFileSync(join(dir, files[0]!)), { headerOnly: true });
    expect(file.analog.labels).toHaveLength(4);
    expect(file.analog.channels.every((c) => c.length === 0)).toBe(true);
    expect(file.points.frames).toBeGreaterThan(0);
  });
});
