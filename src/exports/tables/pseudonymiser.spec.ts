import { describe, expect, it } from '@jest/globals';
import { Pseudonymiser, sessionNumber } from './pseudonymiser.js';

const A = '6f1d3a4e-0000-4000-8000-000000000001';
const B = '6f1d3a4e-0000-4000-8000-000000000002';

describe('Pseudonymiser', () => {
  it('is stable within an export, distinct per patient, and new in the next export', () => {
    const one = Pseudonymiser.forExport(true);
    const a = one.patient(A, 'P001');
    expect(a).toMatch(/^p[0-9a-f]{12}$/);
    expect(one.patient(A, 'P001')).toBe(a);
    expect(one.patient(B, 'P002')).not.toBe(a);
    expect(one.session(A, 'P001', 'P001S007')).toBe(`${a}S007`);
    expect(Pseudonymiser.forExport(true).patient(A, 'P001')).not.toBe(a);
  });

  it('leaves codes as they are when off', () => {
    const off = Pseudonymiser.forExport(false);
    expect(off.enabled).toBe(false);
    expect(off.patient(A, 'P001')).toBe('P001');
    expect(off.session(A, 'P001', 'P001S007')).toBe('P001S007');
  });

  it('sessionNumber takes the digits after S', () => {
    expect(sessionNumber('P001S012')).toBe('012');
    expect(sessionNumber('P1234S1000')).toBe('1000');
  });
});
