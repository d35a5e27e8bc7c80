import { describe, expect, it } from '@jest/globals';
import { pick } from './pick.js';

describe('pick', () => {
  it('copies the listed keys only, in list order, undefined values included', () => {
    const picked = pick({ a: 1, b: undefined, c: 'x' }, ['c', 'b'] as const);
    expect(picked).toEqual({ c: 'x', b: undefined });
    expect(Object.keys(picked)).toEqual(['c', 'b']);
  });
});
