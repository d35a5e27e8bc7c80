/**
 * The original's therapist-resolution extractor (GET /therapists/extract-patient-code): the first of three
 * case-sensitive patterns that matches, tried in this order. It differs from the storage
 * webhook's rule (the object must sit in a `P###/` folder) on purpose: that rule decides which
 * patient a file belongs to; this one only reads a code out of any path a client shows.
 */
const PATTERNS = [/\/(P\d{3})\//, /(P\d{3})[_/]/, /\b(P\d{3})\b/] as const;

/** `"bucket/P012/run.c3d"` -> `"P012"`; `null` when no pattern matches. */
export function patientCodeInPath(path: string): string | null {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return match[1]!;
  }
  return null;
}
