import { describe, expect, it } from '@jest/globals';
import { pseudonymiseFor } from './export-policy.js';

describe('pseudonymiseFor', () => {
  it('researchers: always, and asking for false is refused', () => {
    expect(pseudonymiseFor('researcher', undefined, false)).toBe(true);
    expect(pseudonymiseFor('researcher', true, false)).toBe(true);
    expect(() => pseudonymiseFor('researcher', false, true)).toThrow(/pseudonymised exports only/);
  });
  it('others: as asked, else the default', () => {
    expect(pseudonymiseFor('admin', undefined, true)).toBe(true);
    expect(pseudonymiseFor('admin', false, true)).toBe(false);
    expect(pseudonymiseFor('therapist', undefined, false)).toBe(false);
    expect(pseudonymiseFor('therapist', true, false)).toBe(true);
  });
});
