// Loads the NumPy/SciPy reference fixtures written by scripts/reference/make_emg_fixtures.py
// (test helper; reads files, so it is not exported from the library entry).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIR = join(process.cwd(), 'test', 'fixtures', 'emg');

export function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as T;
}

export function readBin(name: string, dtype: 'f8' | 'f4' = 'f8'): Float64Array {
  const buf = readFileSync(join(FIXTURE_DIR, 'bin', name));
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return dtype === 'f8' ? new Float64Array(ab) : Float64Array.from(new Float32Array(ab));
}

/**
 * Largest violation (1 = at the limit) of |a - b| <= rel * |b| + floor, where
 * floor = absFloor * (floorScale ?? max|b|) covers samples at or near zero, where a relative
 * bound is meaningless. For filters pass the input's max |x| as floorScale: rounding errors
 * scale with the input, and a stop-band output can be 1e-6 of it.
 */
export function maxViolation(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel = 1e-9,
  absFloor = 1e-12,
  floorScale?: number,
): number {
  if (actual.length !== expected.length) return Infinity;
  let scale = floorScale ?? 0;
  if (floorScale === undefined)
    for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]!));
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i]! - expected[i]!);
    const tol = rel * Math.abs(expected[i]!) + absFloor * scale;
    worst = Math.max(worst, err / (tol || Number.MIN_VALUE));
  }
  return worst;
}

export function relErr(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : Infinity;
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
}

export interface SyntheticCase {
  name: string;
  n: number;
  x: string;
  [key: string]: unknown;
}

export interface CoeffCase {
  order: number;
  cutoff: number;
  fs: number;
  kind: 'high' | 'low';
  b: number[];
  a: number[];
  zi: number[];
  sos: number[][];
}

export interface SyntheticFixture {
  fs: number;
  coeffs: CoeffCase[];
  cases: SyntheticCase[];
  welch_short: { x: number[]; f: number[]; p: number[] };
  hann256: number[];
}
