/**
 * Deterministic fuzzing: byte flips, truncations and length-field changes of fixture files.
 * Every outcome must be a C3dFile or a C3dError, with output size bounded by the input size.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { C3dError, readC3d, type C3dFile } from './index.js';

const dir = join(process.cwd(), 'test/fixtures/c3d');
const bases = [
  'ok/synthetic-intel-integer.c3d',
  'ok/synthetic-dec-float.c3d',
  'ok/synthetic-mips-integer.c3d',
  'ok/synthetic-300-channels.c3d',
  'ok/sample01-intel-integer.c3d',
  'ok/sample01-mips-float.c3d',
  'ok/header-parameter-mismatch.c3d',
].map((f) => new Uint8Array(readFileSync(join(dir, f))));

/** mulberry32: small, seeded, good enough to spread mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(base: Uint8Array, rand: () => number): Uint8Array {
  const int = (n: number): number => Math.floor(rand() * n);
  const kind = int(4);
  if (kind === 0) return base.slice(0, int(base.length));
  const out = base.slice();
  // Most structure lives in the first blocks: header, parameter header, parameter records.
  const span = rand() < 0.8 ? Math.min(out.length, 4096) : out.length;
  if (kind === 1) {
    for (let i = 0, n = 1 + int(8); i < n; i++) out[int(span)] = int(256);
  } else if (kind === 2) {
    // Header length/count words (words 1-12) and the parameter header.
    const fields = [0, 2, 4, 6, 8, 16, 18, 514, 515, 516];
    const at = fields[int(fields.length)]!;
    out[at] = int(256);
    if (rand() < 0.5 && at + 1 < out.length) out[at + 1] = int(256);
  } else {
    // A 16-bit field inside the parameter section: offsets, dims, USED/FRAMES/DATA_START values.
    const at = 516 + int(Math.max(1, Math.min(out.length, 8192) - 518));
    out[at] = int(256);
    out[at + 1] = int(256);
  }
  return out;
}

function outputBytes(f: C3dFile): number {
  let n = 0;
  for (const axis of [f.points.x, f.points.y, f.points.z, f.points.residual, f.points.camera])
    for (const a of axis) n += a.byteLength;
  for (const c of f.analog.channels) n += c.byteLength;
  return n;
}

describe('fuzz: damaged input never crashes, hangs or over-allocates', () => {
  it('3000 seeded mutations give a result or a C3dError', () => {
    const rand = prng(20240304);
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const base = bases[i % bases.length]!;
      const bytes = mutate(base, rand);
      try {
        const file = readC3d(bytes);
        // Float64 per 16-bit word is the largest expansion: 4x, plus small per-array overheads.
        expect(outputBytes(file)).toBeLessThanOrEqual(4 * bytes.length + 4096);
        seen.add('ok');
      } catch (e) {
        if (!(e instanceof C3dError)) throw new Error(`mutation ${i}: ${String(e)}`, { cause: e });
        expect(e.offset).toBeGreaterThanOrEqual(0);
        seen.add(e.code);
      }
    }
    expect(seen.has('ok')).toBe(true);
    expect(seen.size).toBeGreaterThan(2);
  });
});
