import { describe, expect, it } from '@jest/globals';
import { jsonStructureProblem, MAX_JSON_DEPTH } from './json-body.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('jsonStructureProblem', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    const nested = (d: number) => '['.repeat(d) + ']'.repeat(d);
    expect(jsonStructureProblem(bytes(nested(MAX_JSON_DEPTH)))).toBeNull();
    expect(jsonStructureProblem(bytes(nested(MAX_JSON_DEPTH + 1)))).toBe('too_deep');
    expect(jsonStructureProblem(bytes(`{"a":${nested(MAX_JSON_DEPTH)}}`))).toBe('too_deep');
  });
  it('ignores brackets inside strings, with escaped quotes', () => {
    const s = `{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`;
    expect(jsonStructureProblem(bytes(s))).toBeNull();
  });
  it('finds an escaped NUL inside a string, not an escaped backslash before u0000', () => {
    expect(jsonStructureProblem(bytes('{"a":"x\\u0000"}'))).toBe('nul');
    expect(jsonStructureProblem(bytes('{"a":"x\\\\u0000"}'))).toBeNull();
    expect(jsonStructureProblem(bytes('{"a":"x\\u0001"}'))).toBeNull();
  });
});
