import { describe, expect, it } from '@jest/globals';
import { pathForms, patientCodeOfPath, withBucket } from './note-file-path.js';

describe('note file paths', () => {
  it('reads the patient code from either form', () => {
    expect(patientCodeOfPath('c3d-examples/P001/a.c3d')).toBe('P001');
    expect(patientCodeOfPath('P012/a b (1).c3d')).toBe('P012');
    expect(patientCodeOfPath('c3d-examples/a.c3d')).toBeUndefined();
    expect(patientCodeOfPath('c3d-examples/P001/')).toBeUndefined();
  });

  it('adds the bucket to an object key only', () => {
    expect(withBucket('P001/a.c3d', 'c3d-examples')).toBe('c3d-examples/P001/a.c3d');
    expect(withBucket('emg_data/P001/a.c3d', 'c3d-examples')).toBe('emg_data/P001/a.c3d');
  });

  it('gives both forms of a stored path', () => {
    expect(pathForms('c3d-examples/P001/a.c3d')).toEqual(['c3d-examples/P001/a.c3d', 'P001/a.c3d']);
    expect(pathForms('P001/a.c3d')).toEqual(['P001/a.c3d']);
  });
});
