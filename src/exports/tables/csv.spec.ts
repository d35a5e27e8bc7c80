import { describe, expect, it } from '@jest/globals';
import { csvField, csvHeader, csvRow, parseCsv } from './csv.js';

describe('csv', () => {
  it('quotes only what needs quoting; null is empty; numbers round-trip', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(true)).toBe('true');
    expect(csvField(Number.NaN)).toBe('');
    const v = 0.00012345678901234567;
    expect(Number(csvField(v))).toBe(v);
  });

  it('parses what it writes, quoted fields included', () => {
    const cols = [
      { name: 'a', unit: null, description: '' },
      { name: 'b', unit: null, description: '' },
    ];
    const text =
      csvHeader(cols) + csvRow(cols, { a: 'x,"y"\r\nz', b: 1.5 }) + csvRow(cols, { a: null, b: null });
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['x,"y"\r\nz', '1.5'],
      ['', ''],
    ]);
  });
});
