import { createHash, type Hash } from 'node:crypto';

/**
 * SHA-256 as lowercase hex: the content key of a stored C3D file (therapy_sessions.file_hash,
 * MVC calibrations' source_file_hash) and a migration's checksum.
 */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An incremental SHA-256 for bytes that arrive in chunks (`update` each, `digest('hex')` at the end). */
export function sha256Stream(): Hash {
  return createHash('sha256');
}
