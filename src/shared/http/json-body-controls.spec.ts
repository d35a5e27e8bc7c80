import { describe, expect, it } from '@jest/globals';
import { jsonStructureProblem, MAX_JSON_DEPTH } from './json-body.js';

const check = (s: string) => jsonStructureProblem(Buffer.from(s, 'utf8'), MAX_JSON_DEPTH, true);

describe('jsonStructureProblem with control characters refused', () => {
  it.each([
    ['\\u0001', 'an escaped SOH'],
    ['\\u0007', 'an escaped BEL'],
    ['\\u001B[31m', 'an ANSI escape'],
    ['\\u001f', 'the last C0 control'],
    ['\\u007F', 'DEL, upper-case hex'],
    ['\\u0085', 'a C1 control'],
    ['\\u009f', 'the last C1 control'],
    ['\\b', 'a backspace short escape'],
    ['\\f', 'a form feed short escape'],
    ['\u007f', 'a raw DEL'],
    ['\u0085', 'a raw C1 control (UTF-8)'],
  ])('refuses %s (%s)', (inner) => {
    expect(check(`{"a":"x${inner}y"}`)).toBe('control');
  });

  it('calls a NUL a NUL, escaped or raw', () => {
    expect(check('{"a":"x\\u0000"}')).toBe('nul');
    expect(check('{"a":"x\u0000"}')).toBe('nul');
  });

  it.each([
    ['\\t', 'a tab'],
    ['\\n', 'a line feed'],
    ['\\r', 'a carriage return'],
    ['\\u0009\\u000a\\u000D', 'the same as \\u escapes'],
    ['\\u0020', 'a space (the first non-control)'],
    ['\\u00a0', 'a no-break space (the first after C1)'],
    ['\\u0100', 'a code point past Latin-1'],
    ['\\\\b\\\\u0007', 'escaped backslashes before b and u0007'],
    ['\\"\\/', 'escaped quote and slash'],
    ['é ü ß 中文 🙂', 'other UTF-8 text'],
  ])('near miss: accepts %s (%s)', (inner) => {
    expect(check(`{"a":"x${inner}y"}`)).toBeNull();
  });

  it('looks inside strings only: a control escape is not possible outside them', () => {
    expect(check('{"a\\u0007":1}')).toBe('control');
    expect(check('[1, 2, "\\n"]')).toBeNull();
  });

  it('without the option, only NUL is refused', () => {
    expect(jsonStructureProblem(Buffer.from('{"a":"\\u0007\\b"}'))).toBeNull();
    expect(jsonStructureProblem(Buffer.from('{"a":"\\u0000"}'))).toBe('nul');
  });
});
