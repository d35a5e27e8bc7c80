import { describe, expect, it } from '@jest/globals';
import { patientCodeInPath } from './patient-code-in-path.js';

describe('patientCodeInPath (the original therapist service regexes, in order)', () => {
  it.each([
    ['c3d-examples/P012/Ghostly_Emg_20230321_17-50-17-0881.c3d', 'P012'],
    ['P005/Ghostly_Emg_20230321.c3d', 'P005'],
    ['uploads/P123_session2.c3d', 'P123'],
    ['P042.c3d', 'P042'],
    ['reports/report P077 final.pdf', 'P077'],
    // The first pattern wins over an earlier match of the second.
    ['P111_a/P222/x.c3d', 'P222'],
    // The second pattern wins over an earlier match of the third.
    ['P333-x/P444_y.c3d', 'P444'],
  ])('%s -> %s', (path, code) => {
    expect(patientCodeInPath(path)).toBe(code);
  });

  it.each([
    ['p012/Ghostly_Emg.c3d'], // case-sensitive, as the original
    ['P12/x.c3d'],
    ['XP0123.c3d'],
    ['Ghostly_Emg_20230321.c3d'],
    [''],
  ])('%s -> null', (path) => {
    expect(patientCodeInPath(path)).toBeNull();
  });
});
