/** Parameter lookup helpers: case-insensitive, first match wins on duplicates. */
import { type C3dFile, type C3dGroup, type C3dParameter } from './types.js';

/**
 * Upper-cased group and parameter names to the first match, built once per read: the reader
 * makes ~20 lookups (LABELS2, LABELS3, ... included), and each linear scan upper-cased every
 * name of the group again. A group's parameters are indexed when it is first looked in (a
 * PROCESSING group of 2879 parameters that no lookup needs is not). Lookups on a stored file
 * (getParameter) stay linear: its tree may have been changed since.
 */
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
    // keyed by the names as asked (the reader asks in upper case): upper-casing both names of
    // every lookup was most of the cost of ~30 lookups (~4 µs a read)
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

/** What the helpers look in: a group list (scanned) or its index. */
export type ParameterSource = C3dGroup[] | ParameterIndex;

export function findParameter(
  groups: ParameterSource,
  group: string,
  name: string,
): C3dParameter | undefined {
  if (groups instanceof ParameterIndex) return groups.parameter(group, name);
  const g = group.toUpperCase();
  const n = name.toUpperCase();
  for (const grp of groups) {
    if (grp.name.toUpperCase() !== g) continue;
    for (const p of grp.parameters) if (p.name.toUpperCase() === n) return p;
  }
  return undefined;
}

export function getParameter(
  file: Pick<C3dFile, 'parameters'>,
  group: string,
  name: string,
): C3dParameter | undefined {
  return findParameter(file.parameters, group, name);
}

export function findGroup(groups: ParameterSource, name: string): C3dGroup | undefined {
  if (groups instanceof ParameterIndex) return groups.group(name);
  const n = name.toUpperCase();
  return groups.find((g) => g.name.toUpperCase() === n);
}

/** First numeric value, or undefined when absent or not numeric. */
export function numberOf(groups: ParameterSource, group: string, name: string): number | undefined {
  const p = findParameter(groups, group, name);
  const v = p?.values[0];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Counts, block numbers and frame counts are unsigned 16-bit words stored as INT. */
export function unsignedOf(groups: ParameterSource, group: string, name: string): number | undefined {
  const p = findParameter(groups, group, name);
  const v = p?.values[0];
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  return p!.type === 'int' ? v & 0xffff : v;
}

export function numbersOf(groups: ParameterSource, group: string, name: string): number[] | undefined {
  const p = findParameter(groups, group, name);
  return p && p.type !== 'char' ? (p.values as number[]) : undefined;
}

/** Concatenate NAME, NAME2, NAME3... (how files with more than 255 entries continue a vector). */
export function concatenated<T extends string | number>(
  groups: ParameterSource,
  group: string,
  name: string,
): T[] | undefined {
  const first = findParameter(groups, group, name);
  if (!first) return undefined;
  const out = [...(first.values as T[])];
  for (let i = 2; ; i++) {
    const more = findParameter(groups, group, `${name}${i}`);
    if (!more || (more.type === 'char') !== (first.type === 'char')) break;
    out.push(...(more.values as T[]));
  }
  return out;
}

export function stringOf(groups: ParameterSource, group: string, name: string): string | undefined {
  const p = findParameter(groups, group, name);
  return p && p.type === 'char' ? (p.values as string[]).join(' ').trim() : undefined;
}
