/** file_path is stored as "<bucket>/<object path>" (the original's format). */
export function storedFilePath(bucket: string, objectPath: string): string {
  return `${bucket}/${objectPath}`;
}

export function objectPathOf(filePath: string, bucket: string): string {
  return filePath.startsWith(`${bucket}/`) ? filePath.slice(bucket.length + 1) : filePath;
}

/** A storage-safe object name for an uploaded file: P001/P001S002-<name>.c3d. */
export function uploadObjectPath(patientCode: string, sessionCode: string, originalName: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? 'upload.c3d';
  const safe =
    base
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^\.+/, '')
      .slice(-120) || 'upload.c3d';
  return `${patientCode}/${sessionCode}-${safe}`;
}
