/** file_path is stored as "<bucket>/<object path>" (the original's format). */
export function storedFilePath(bucket: string, objectPath: string): string {
  return `${bucket}/${objectPath}`;
}

export function objectPathOf(filePath: string, bucket: string): string {
  return filePath.startsWith(`${bucket}/`) ? filePath.slice(bucket.length + 1) : filePath;
}

/**
 * An uploaded file's name as a storage key segment: the base name with the characters Supabase
 * Storage accepts in keys kept (letters, digits, space and - _ . ( )), anything else as '_'.
 */
export function storageFileName(originalName: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? '';
  const safe = base
    .replace(/[^A-Za-z0-9 ._()-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[. ]+|[ ]+$/g, '')
    .slice(-200);
  return safe || 'upload.c3d';
}

/**
 * Where an upload is stored: "P001/<file name>", as the webhook receives a file the original's
 * client puts into the patient's folder. A name already used by another session of the patient
 * gets " (2)", " (3)", ... before its extension, so a second file of the same name never
 * replaces the first one's bytes.
 */
export function uploadObjectPath(
  patientCode: string,
  originalName: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const name = storageFileName(originalName);
  const first = `${patientCode}/${name}`;
  if (!taken.has(first)) return first;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${patientCode}/${stem} (${n})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
