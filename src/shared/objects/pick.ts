/**
 * The given keys of an object, typed from the key list: a mapper copies the fields two types
 * share by name from one list instead of restating each assignment.
 */
export function pick<T extends object, const K extends readonly (keyof T)[]>(
  source: T,
  keys: K,
): Pick<T, K[number]> {
  const out = {} as Pick<T, K[number]>;
  for (const key of keys) out[key] = source[key];
  return out;
}
