/** Freezes `o` and every object under it: a published profile cannot be edited at run time. */
export function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}
