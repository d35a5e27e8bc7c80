import { describe, expect, it } from '@jest/globals';
import { storageFileName, uploadObjectPath } from './storage-path.js';

describe('upload storage paths', () => {
  it('keeps the original file name under the patient folder', () => {
    expect(uploadObjectPath('P001', 'Ghostly_Emg_20230321_17-50-17-0881.c3d')).toBe(
      'P001/Ghostly_Emg_20230321_17-50-17-0881.c3d',
    );
    expect(uploadObjectPath('P001', 'C:\\data\\a file (1).c3d')).toBe('P001/a file (1).c3d');
  });

  it('replaces what storage keys cannot hold and never leaves the folder', () => {
    expect(storageFileName('../../etc/passwd')).toBe('passwd');
    expect(storageFileName('é?#.c3d')).toBe('_.c3d');
    expect(storageFileName('a..b.c3d')).toBe('a.b.c3d');
    expect(storageFileName('..')).toBe('upload.c3d');
    expect(storageFileName('')).toBe('upload.c3d');
  });

  it('numbers a name another session already uses', () => {
    const taken = new Set(['P001/a.c3d', 'P001/a (2).c3d', 'P001/noext']);
    expect(uploadObjectPath('P001', 'a.c3d', taken)).toBe('P001/a (3).c3d');
    expect(uploadObjectPath('P001', 'noext', taken)).toBe('P001/noext (2)');
    expect(uploadObjectPath('P001', 'b.c3d', taken)).toBe('P001/b.c3d');
  });
});
