/**
 * The reader's parameter lookups: upper-cased group and parameter names to the first match,
 * case-insensitively, the first group of a repeated name looked in first.
 *
 * Tested against: the linear scan over a group list in lookup.ts (findParameter, findGroup),
 * which getParameter uses on stored files, answer for answer on synthetic trees and on every
 * real file's tree (parameter-index.spec.ts).
 *
 * Why shaped so: the reader makes a few dozen lookups per file (LABELS2, LABELS3, ...
 * included), and a linear scan upper-cases every name of the group again each time. A group's
 * parameters are indexed when it is first looked in, so a large group that no lookup needs (a
 * PROCESSING group of thousands of parameters) is never indexed; and the parameter maps are
 * keyed by the group name as asked (the reader asks in upper case), as upper-casing both names
 * of every lookup was most of the lookups' cost. Lookups on a stored file stay linear: its tree
 * may have been changed since.
 */
import { type C3dGroup, type C3dParameter } from '../types.js';

export class ParameterIndex {
  private readonly groups = new Map<string, C3dGroup[]>();
  private readonly parameters = new Map<string, Map<string, C3dParameter>>();

  constructor(list: C3dGroup[]) {
    for (const g of list) {
      const key = g.name.toUpperCase();
      const same = this.groups.get(key);
      if (same) same.push(g);
      else this.groups.set(key, [g]);
    }
  }

  group(name: string): C3dGroup | undefined {
    return this.groups.get(name.toUpperCase())?.[0];
  }

  parameter(group: string, name: string): C3dParameter | undefined {
    let params = this.parameters.get(group);
    if (!params) {
      params = new Map();
      // a group name used twice: its parameters are looked up in the first, then the second
      for (const g of this.groups.get(group.toUpperCase()) ?? [])
        for (const p of g.parameters) {
          const upper = p.name.toUpperCase();
          if (!params.has(upper)) params.set(upper, p);
        }
      this.parameters.set(group, params);
    }
    return params.get(name) ?? params.get(name.toUpperCase());
  }
}
