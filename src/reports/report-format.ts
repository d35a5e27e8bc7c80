// Which representation a report request asks for: ?format wins, else the Accept header's most
// preferred of text/html and application/pdf (HTML when neither is named, or on a tie).

export type ReportFormat = 'html' | 'pdf';

const TYPES: Record<string, ReportFormat> = { 'text/html': 'html', 'application/pdf': 'pdf' };

export function negotiateFormat(format: ReportFormat | undefined, accept: string | undefined): ReportFormat {
  if (format) return format;
  let best: { format: ReportFormat; q: number } | null = null;
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const found = TYPES[type!.trim()];
    if (!found) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q || (q === best.q && found === 'html')) best = { format: found, q };
  }
  return best?.format ?? 'html';
}

export const CONTENT_TYPE: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};
