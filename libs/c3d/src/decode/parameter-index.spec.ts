// Parameter lookups: the reader's index and the linear scan of a stored tree (getParameter)
// give the same answers, case-insensitively, with the first match winning on duplicates.
import { describe, expect, it } from '@jest/globals';
import { findGroup, findParameter } from '../lookup.js';
import { ParameterIndex } from './parameter-index.js';
import type { C3dGroup, C3dParameter } from '../types.js';

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
