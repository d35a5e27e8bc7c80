import { describe, expect, it } from '@jest/globals';
import { isLogEntryInput, logEntryLength, sanitiseLogText, toLogLine } from './log-entry.js';

describe('log entries', () => {
  it('accepts strings and plain objects only', () => {
    expect(isLogEntryInput('x')).toBe(true);
    expect(isLogEntryInput({ level: 'info' })).toBe(true);
    expect(isLogEntryInput(['x'])).toBe(false);
    expect(isLogEntryInput(null)).toBe(false);
    expect(isLogEntryInput(3)).toBe(false);
    expect(isLogEntryInput(true)).toBe(false);
  });

  it('measures objects by their JSON text', () => {
    expect(logEntryLength('abc')).toBe(3);
    expect(logEntryLength({ a: 1 })).toBe('{"a":1}'.length);
  });

  it('drops NUL and other controls, keeps tab and newline, turns CR into LF', () => {
    expect(sanitiseLogText('a\u0000b\u0007c\td\ne\r\nf\rg\u007fh\u0085i')).toBe('abc\td\ne\nf\ngh' + 'i');
  });

  it('drops bidirectional overrides and repairs lone surrogates', () => {
    expect(sanitiseLogText('x\u202Ey\u2066z')).toBe('xyz');
    expect(sanitiseLogText('a\uD800b')).toBe('a\uFFFDb');
    expect(sanitiseLogText('ok 😀')).toBe('ok 😀');
  });

  it('never lengthens the text', () => {
    const nasty = '\u0000\r\n\uD800\u202E'.repeat(50);
    expect(sanitiseLogText(nasty).length).toBeLessThanOrEqual(nasty.length);
  });

  it('stores objects as JSON with sanitised strings, parseable and free of NUL', () => {
    const line = toLogLine({ msg: 'boom\u0000!', nested: { s: 'a\u0001b' }, n: 2, 'k\u007f': 'v' });
    expect(line.includes('\u0000')).toBe(false);
    expect(JSON.parse(line)).toEqual({ msg: 'boom!', nested: { s: 'ab' }, n: 2, k: 'v' });
  });
});
