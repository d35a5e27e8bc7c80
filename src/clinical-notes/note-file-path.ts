/**
 * The two forms a stored file's path takes: therapy_sessions.file_path and the original's
 * client store "<bucket>/P001/<file>"; Storage lists the object key "P001/<file>".
 */
const WITH_BUCKET = /^[^/]+\/(P[0-9]{3,})\/[^/]/;
const OBJECT_KEY = /^(P[0-9]{3,})\/[^/]/;

/** The patient code a storage path names, or undefined. */
export function patientCodeOfPath(path: string): string | undefined {
  return OBJECT_KEY.exec(path)?.[1] ?? WITH_BUCKET.exec(path)?.[1];
}

/** The "<bucket>/P001/<file>" form of either form. */
export function withBucket(path: string, bucket: string): string {
  return OBJECT_KEY.test(path) ? `${bucket}/${path}` : path;
}

/** Both forms of a stored path, so a note written under either is found. */
export function pathForms(filePath: string): string[] {
  if (OBJECT_KEY.test(filePath)) return [filePath];
  const slash = filePath.indexOf('/');
  return WITH_BUCKET.test(filePath) ? [filePath, filePath.slice(slash + 1)] : [filePath];
}
