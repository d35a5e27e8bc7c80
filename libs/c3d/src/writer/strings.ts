/** Strings as written: UTF-8, so a reader decodes exactly what was written. */
export function encodeString(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
