/**
 * Parameter lookup helpers: case-insensitive, first match wins on duplicates. Over a group list
 * they scan it (a stored file's tree, which may have changed since it was read); over the
 * reader's ParameterIndex they ask the index.
 */
import { ParameterIndex } from './decode/index.js';
import { type C3dFile, type C3dGroup, type C3dParameter } from './types.js';

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
