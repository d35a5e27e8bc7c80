import { describe, expect, it } from '@jest/globals';
import type { TransformFnParams } from 'class-transformer';
import { toOptionalBoolean, toOptionalJsonObject, toOptionalNumber } from './form-values.js';

const run = (fn: (p: TransformFnParams) => unknown, value: unknown) =>
  fn({ obj: { f: value }, key: 'f', value } as unknown as TransformFnParams);

describe('form values', () => {
  it('blank numbers are not given, never 0', () => {
    for (const blank of ['', '  ', 'null', null, undefined])
      expect(run(toOptionalNumber, blank)).toBeUndefined();
    expect(run(toOptionalNumber, '0')).toBe(0);
    expect(run(toOptionalNumber, ' 2.5 ')).toBe(2.5);
    expect(run(toOptionalNumber, 'abc')).toBe('abc');
    expect(run(toOptionalNumber, 7)).toBe(7);
  });
  it('booleans and JSON objects', () => {
    expect(run(toOptionalBoolean, 'TRUE')).toBe(true);
    expect(run(toOptionalBoolean, '')).toBeUndefined();
    expect(run(toOptionalJsonObject, '{"CH1":1e-4,"CH2":null}')).toEqual({ CH1: 1e-4, CH2: null });
    expect(run(toOptionalJsonObject, '{oops')).toBe('{oops');
    expect(run(toOptionalJsonObject, 'null')).toBeUndefined();
  });
});
