/** Tab-separated values as BIDS wants them: a header row, `n/a` for missing cells, no tabs inside. */

export type TsvCell = string | number | boolean | null | undefined;

export function tsvCell(value: TsvCell): string {
  if (value === null || value === undefined || value === '') return 'n/a';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'n/a';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value.replace(/[\t\r\n]+/g, ' ');
}

export function toTsv(columns: readonly string[], rows: readonly TsvCell[][]): string {
  return [columns.join('\t'), ...rows.map((r) => r.map(tsvCell).join('\t'))].join('\n') + '\n';
}

export function parseTsv(text: string): { columns: string[]; rows: string[][] } {
  const lines = text.replace(/\n$/, '').split('\n');
  const [head = '', ...rest] = lines;
  return { columns: head.split('\t'), rows: rest.map((l) => l.split('\t')) };
}
