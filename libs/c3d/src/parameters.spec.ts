// The parameter walk on hand-made sections: group ids over the whole signed-byte range.
import { describe, expect, it } from '@jest/globals';
import { intelCodec } from './codec.js';
import { type C3dWarning } from './errors.js';
import { readParameters } from './parameters.js';

/** A record: name length (negative = locked), id, name, next-record offset, then `rest`. */
function record(name: string, id: number, rest: number[], last = false): number[] {
  const body = [...new TextEncoder().encode(name)];
  const next = last ? 0 : 2 + rest.length;
  return [body.length, id & 0xff, ...body, next & 0xff, next >> 8, ...rest];
}

function section(...records: number[][]): Uint8Array {
  return new Uint8Array([1, 80, 1, 84, ...records.flat(), 0, 0]);
}

describe('readParameters', () => {
  it('reads group ids 1..128 (a group record stores -id, down to -128)', () => {
    const desc = (text: string) => [text.length, ...new TextEncoder().encode(text)];
    const bytes = section(
      record('LOW', -1, desc('first')),
      record('HIGH', -128, desc('last')),
      record('MID', -127, desc('mid')),
      // a parameter of group 127: type int, no dims, value 7, no description
      record('N', 127, [2, 0, 7, 0, 0], true),
    );
    const warnings: C3dWarning[] = [];
    const view = new DataView(bytes.buffer);
    const { groups, complete } = readParameters(bytes, view, intelCodec, 0, bytes.length, warnings);
    expect(complete).toBe(true);
    expect(groups.map((g) => [g.id, g.name, g.description])).toEqual([
      [1, 'LOW', 'first'],
      [128, 'HIGH', 'last'],
      [127, 'MID', 'mid'],
    ]);
    expect(groups[2]!.parameters.map((p) => [p.name, p.values])).toEqual([['N', [7]]]);
    expect(warnings).toEqual([]);
  });
});
