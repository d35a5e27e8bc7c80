import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { C3dError, readC3d, readC3dMetadata } from './index.js';

const dir = join(process.cwd(), 'test/fixtures/ghostly');
const files = readdirSync(dir).filter((f) => f.endsWith('.c3d'));
const HEAD = 64 * 1024;

/** What an upload check reads: the metadata of the whole file, from its start and its length. */
function fromHead(bytes: Uint8Array, fileLength = bytes.length, head = HEAD) {
  return readC3d(bytes.subarray(0, Math.min(head, bytes.length)), { headerOnly: true, fileLength });
}

function summary(f: ReturnType<typeof readC3d>) {
  return {
    frames: f.points.frames,
    pointRate: f.points.rate,
    analogRate: f.analog.rate,
    labels: f.analog.labels,
    warnings: f.warnings,
    parameters: f.parameters.length,
  };
}

describe('headerOnly read of a file start with fileLength', () => {
  it.each(files)('%s: the same metadata as a read of the whole file', (name) => {
    const bytes = readFileSync(join(dir, name));
    expect(summary(fromHead(bytes))).toEqual(summary(readC3dMetadata(bytes)));
  });

  it.each(files)('%s cut to 40 %%: the same truncated warning as a read of the cut file', (name) => {
    const full = readFileSync(join(dir, name));
    const cut = full.subarray(0, Math.floor(full.length * 0.4));
    const whole = readC3dMetadata(cut);
    expect(whole.warnings.map((w) => w.code)).toEqual(['truncated']);
    expect(summary(fromHead(cut))).toEqual(summary(whole));
  });

  it('refuses a start that ends inside the parameter section (not a plain truncated file)', () => {
    const bytes = readFileSync(join(dir, files[0]!));
    let error: unknown;
    try {
      fromHead(bytes, bytes.length, 700);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(C3dError);
    expect((error as C3dError).code).toBe('parameters_beyond_head');
    // the whole file cut at the same place is a truncated file
    expect(() => readC3dMetadata(bytes.subarray(0, 700))).toThrow(/ends inside the parameter section/);
  });

  it('ignores fileLength when the samples are read', () => {
    const bytes = readFileSync(join(dir, files[0]!));
    const file = readC3d(bytes, { fileLength: bytes.length * 2 });
    expect(file.warnings).toEqual([]);
  });
});
