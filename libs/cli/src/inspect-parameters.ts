/**
 * The `parameters` object of `inspect --json`: { GROUP: { PARAM: { type, dims, values } } }.
 * Keys are exact names, so a file with two groups (or two parameters) of the same name cannot
 * be shown as such: the first occurrence is kept, parameters of later same-name groups are
 * merged in when their name is new, and every collision becomes a warning so nothing is
 * dropped without a trace (c3d.org sample_33/bigparlove.c3d has two PROCESSING groups and
 * thousands of repeated PROCESSING parameters).
 */
import { type C3dGroup, type C3dParameter, type C3dWarning } from '@app/c3d';

export type ParameterView = Pick<C3dParameter, 'type' | 'dims' | 'values'>;

export interface ParameterTree {
  parameters: Record<string, Record<string, ParameterView>>;
  warnings: C3dWarning[];
}

/** Names listed in a warning message before it says "and N more". */
const LISTED = 20;

function listed(names: string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

export function parameterTree(groups: readonly C3dGroup[]): ParameterTree {
  const parameters: Record<string, Record<string, ParameterView>> = {};
  // per group name, in first-seen order: the ids seen and the records not shown
  const ids = new Map<string, number[]>();
  const ignored = new Map<string, { records: number; names: Set<string> }>();
  for (const g of groups) {
    const seen = ids.get(g.name);
    if (seen) seen.push(g.id);
    else ids.set(g.name, [g.id]);
    // own keys only: a group or parameter may be called "constructor" or "__proto__", and
    // `parameters[name] ??= {}` would then write into a prototype
    const group = Object.hasOwn(parameters, g.name) ? parameters[g.name]! : defineKey(parameters, g.name, {});
    for (const p of g.parameters) {
      if (!Object.hasOwn(group, p.name)) {
        defineKey(group, p.name, { type: p.type, dims: p.dims, values: p.values });
        continue;
      }
      const lost = ignored.get(g.name) ?? { records: 0, names: new Set<string>() };
      lost.records++;
      lost.names.add(p.name);
      ignored.set(g.name, lost);
    }
  }
  const warnings: C3dWarning[] = [];
  for (const [name, seen] of ids) {
    if (seen.length > 1) {
      warnings.push({
        code: 'duplicate_group',
        message: `group ${name} occurs ${seen.length} times (ids ${seen.join(', ')}); shown as one, the parameters of later groups merged in where their name is new`,
      });
    }
    const lost = ignored.get(name);
    if (lost) {
      warnings.push({
        code: 'duplicate_parameter',
        message: `group ${name}: ${lost.records} later record(s) of parameters already shown were left out (first kept): ${listed([...lost.names])}`,
      });
    }
  }
  return { parameters, warnings };
}

/** Plain assignment to "__proto__" would set the prototype instead of adding a key. */
function defineKey<T>(target: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}
