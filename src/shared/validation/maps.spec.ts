import { describe, expect, it } from '@jest/globals';
import { namedTexts, namedTextsColumn } from './maps.js';

describe('namedTexts', () => {
  it('keeps the members that name something, trimmed', () => {
    expect(namedTexts({ CH1: ' Left Quadriceps ', CH2: null, CH3: '', CH4: '  ', CH5: 'Right' })).toEqual({
      CH1: 'Left Quadriceps',
      CH5: 'Right',
    });
  });

  it('is null when nothing is named', () => {
    expect(namedTexts({ CH1: null, CH2: ' ' })).toBeNull();
    expect(namedTexts({})).toBeNull();
    expect(namedTexts(null)).toBeNull();
    expect(namedTexts(undefined)).toBeNull();
  });
});

describe('namedTextsColumn', () => {
  it('is the JSON text of the named members, or null', () => {
    expect(namedTextsColumn({ CH1: ' Left ', CH2: null })).toBe('{"CH1":"Left"}');
    expect(namedTextsColumn({ CH1: null })).toBeNull();
    expect(namedTextsColumn(undefined)).toBeNull();
  });
});
