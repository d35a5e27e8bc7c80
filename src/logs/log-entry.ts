/**
 * Limits and sanitising of the web client's log entries. Entries are strings (what the original
 * client sends) or JSON objects (a structured logger's records, stored as JSON text).
 */
export const MAX_LOG_ENTRIES_PER_BATCH = 100;
/** Characters per entry, measured on the entry as sent (objects: their JSON text). */
export const MAX_LOG_ENTRY_CHARS = 2000;
export const DEFAULT_TAIL_LINES = 50;
export const MAX_TAIL_LINES = 1000;

export type LogEntryInput = string | Record<string, unknown>;

// C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides and
// isolates that can make a line read differently from what it holds.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function isLogEntryInput(value: unknown): value is LogEntryInput {
  if (typeof value === 'string') return true;
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entry's length as sent; objects count as their JSON text. */
export function logEntryLength(entry: LogEntryInput): number {
  return typeof entry === 'string' ? entry.length : JSON.stringify(entry).length;
}

/**
 * Text safe to store and to show: CR/CRLF become LF, lone surrogates become U+FFFD, and the
 * characters above are dropped (PostgreSQL text cannot hold NUL at all). Never longer than the
 * input.
 */
export function sanitiseLogText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n').replace(UNSAFE_CHARS, '');
}

/** The stored line: a sanitised string, or an object's JSON with sanitised string values. */
export function toLogLine(entry: LogEntryInput): string {
  if (typeof entry === 'string') return sanitiseLogText(entry);
  const json = JSON.stringify(entry, (_key, value: unknown) =>
    typeof value === 'string' ? sanitiseLogText(value) : value,
  );
  // Keys are not passed through the replacer; JSON escapes their C0 controls, not DEL or C1.
  return sanitiseLogText(json);
}
