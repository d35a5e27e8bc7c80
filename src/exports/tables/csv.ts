import type { Cell, ExportColumn } from './export-columns.js';

/**
 * RFC 4180 CSV: comma-separated, CRLF rows, fields quoted when they hold a comma, quote or line
 * break. Numbers are written in JavaScript's shortest round-trip form, so a float8 read back is
 * the stored value; null is an empty field.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(columns: readonly ExportColumn[]): string {
  return columns.map((c) => c.name).join(',') + '\r\n';
}

export function csvRow(columns: readonly ExportColumn[], record: Record<string, Cell>): string {
  return columns.map((c) => csvField(record[c.name] ?? null)).join(',') + '\r\n';
}

/** Parses what csvRow writes (tests and round trips). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
