// Parameter lookups: the reader's index and the linear scan of a stored tree (getParameter)
// give the same answers, case-insensitively, with the first match winning on duplicates: on
// synthetic trees with duplicate and repeated names, and on every real file's tree.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { realC3dFiles } from '../../test-data/real-files.js';
import { C3dError } from '../errors.js';
import { findGroup, findParameter } from '../lookup.js';
import { readC3d } from '../read.js';
import type { C3dGroup, C3dParameter } from '../types.js';
import { ParameterIndex } from './parameter-index.js';

const param = (name: string, value: number): C3dParameter => ({
  name,
  description: '',
  type: 'int',
  dims: [],
  values: [value],
  locked: false,
});

const group = (id: number, name: string, parameters: C3dParameter[]): C3dGroup => ({
  id,
  name,
  description: '',
  locked: false,
  parameters,
});

const groups: C3dGroup[] = [
  group(1, 'POINT', [param('USED', 1), param('Used', 2), param('RATE', 3)]),
  group(2, 'Processing', [param('Bodymass', 4), param('LKneeWidth', 5)]),
  // a group name used twice: looked up in the first, then in the second
  group(3, 'point', [param('USED', 6), param('FRAMES', 7)]),
];

describe('ParameterIndex', () => {
  const queries: [string, string][] = [
    ['POINT', 'USED'],
    ['point', 'used'],
    ['Point', 'Rate'],
    ['POINT', 'FRAMES'],
    ['PROCESSING', 'BODYMASS'],
    ['processing', 'LKneeWidth'],
    ['PROCESSING', 'lkneewidth'],
    ['POINT', 'LABELS'],
    ['ANALOG', 'USED'],
  ];

  it.each(queries)('finds %s:%s as the linear scan does', (g, n) => {
    const index = new ParameterIndex(groups);
    expect(findParameter(index, g, n)).toBe(findParameter(groups, g, n));
    // asked twice, in either case order: the cached group map answers the same
    expect(findParameter(index, g.toUpperCase(), n)).toBe(findParameter(groups, g, n));
    expect(findParameter(index, g, n.toUpperCase())).toBe(findParameter(groups, g, n));
  });

  it('takes the first of duplicate names and looks into a repeated group', () => {
    const index = new ParameterIndex(groups);
    expect(index.parameter('POINT', 'USED')?.values).toEqual([1]);
    expect(index.parameter('point', 'Used')?.values).toEqual([1]);
    expect(index.parameter('POINT', 'FRAMES')?.values).toEqual([7]);
    expect(index.parameter('POINT', 'LABELS')).toBeUndefined();
    expect(findGroup(index, 'processing')?.id).toBe(2);
    expect(findGroup(index, 'POINT')?.id).toBe(1);
  });
});

describe('ParameterIndex on the real files', () => {
  const real = realC3dFiles('decode kernels against their references (corpus part)');
  const files = [...real.fixtures, ...real.corpus].flatMap((f) => {
    const groups = readGroups(f.path);
    return groups ? [[f.name, groups] as const] : [];
  });

  it.each(files)('%s: every group and parameter, in any case, as the linear scan finds it', (_, list) => {
    const index = new ParameterIndex(list);
    const variants = (s: string) => [s, s.toUpperCase(), s.toLowerCase()];
    for (const g of list) {
      for (const gn of variants(g.name)) {
        expect(findGroup(index, gn)).toBe(findGroup(list, gn));
        for (const p of g.parameters)
          for (const pn of variants(p.name))
            expect(findParameter(index, gn, pn)).toBe(findParameter(list, gn, pn));
        for (const missing of ['LABELS2', 'NO_SUCH_PARAMETER', ''])
          expect(findParameter(index, gn, missing)).toBe(findParameter(list, gn, missing));
      }
    }
    expect(findGroup(index, 'NO_SUCH_GROUP')).toBe(findGroup(list, 'NO_SUCH_GROUP'));
  });
});

/** The parameter tree of a file that reads, else undefined (not-ok fixtures). */
function readGroups(path: string): C3dGroup[] | undefined {
  try {
    return readC3d(new Uint8Array(readFileSync(path)), { headerOnly: true }).parameters;
  } catch (error) {
    if (error instanceof C3dError) return undefined;
    throw error;
  }
}
