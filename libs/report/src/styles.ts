import { esc } from './html.js';

// The reports' one inline style sheet: system fonts only (nothing is fetched), a layout that fits
// the printable width of both A4 (210 mm) and Letter (216 mm), and print rules that keep plots,
// table rows and score cards whole across pages.
export const REPORT_CSS = `
:root { --ink:#1b1f24; --muted:#5b6570; --line:#d5dae0; --good:#1f9d55; --mvc:#e69f00; --dur:#3b8fd6; --none:#9aa3ad; --thr:#c0392b; }
* { box-sizing: border-box; }
html { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0; }
main.report { max-width: 190mm; margin: 0 auto; padding: 8mm 4mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid var(--ink); }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 1mm 0 2mm; }
.muted, .meaning { color: var(--muted); }
.sub { color: var(--muted); margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 9pt; }
th, td { text-align: left; padding: 1.1mm 1.6mm; border-bottom: 0.5px solid var(--line); vertical-align: top; }
thead th { border-bottom: 1px solid var(--ink); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.kv th { width: 38%; font-weight: 600; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2mm; margin: 2mm 0 3mm; }
.card { border: 1px solid var(--line); border-radius: 2mm; padding: 2mm; break-inside: avoid; }
.card .label { font-size: 8.5pt; color: var(--muted); }
.card .value { font-size: 16pt; font-weight: 650; }
.card .weight { font-size: 8pt; color: var(--muted); }
.card.overall { border-color: var(--ink); }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
section.channel { break-inside: avoid; }
figcaption { font-size: 9pt; color: var(--muted); }
svg { width: 100%; height: auto; display: block; font-family: inherit; }
svg .frame { fill: none; stroke: #8a939c; stroke-width: 0.8; }
svg .grid { stroke: #e6e9ed; stroke-width: 0.7; }
svg .tick, svg .ctr-no { font-size: 12px; fill: var(--muted); }
svg .axis-label { font-size: 13px; fill: var(--ink); }
svg .legend { font-size: 13px; fill: var(--ink); }
svg .annot { font-size: 12.5px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .trace { fill: none; stroke-width: 0.8; stroke-linejoin: round; }
svg .trace.raw { stroke: #34495e; }
svg .trace.envelope { stroke: #6c3483; stroke-width: 1.1; }
svg .ctr-good { fill: var(--good); fill-opacity: 0.28; }
svg .ctr-mvc_only { fill: var(--mvc); fill-opacity: 0.3; }
svg .ctr-duration_only { fill: var(--dur); fill-opacity: 0.3; }
svg .ctr-neither { fill: var(--none); fill-opacity: 0.3; }
svg .swatch { stroke: #777; stroke-width: 0.5; fill-opacity: 0.6; }
svg .mvc-line { stroke: var(--thr); stroke-width: 1.2; stroke-dasharray: 6 3; }
svg .rule { stroke: #0b6e4f; stroke-width: 2; }
svg .target-line { stroke: var(--thr); stroke-width: 1.2; stroke-dasharray: 6 3; }
svg .series { fill: none; stroke-width: 1.6; }
svg .dot { stroke: #fff; stroke-width: 1; }
.badge { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; font-size: 8.5pt; font-weight: 600; }
.badge.good { background: #d7f0e0; } .badge.mvc_only { background: #fbe7c2; } .badge.duration_only { background: #d6e8f7; } .badge.neither { background: #e6e9ed; }
.warn { border-left: 3px solid var(--thr); background: #fdf0ee; padding: 1.5mm 2.5mm; margin: 1mm 0; break-inside: avoid; }
.ok { border-left: 3px solid var(--good); background: #eef8f1; padding: 1.5mm 2.5mm; margin: 1mm 0; }
.quality-gate.failed { border: 2px solid var(--thr); border-left-width: 6px; background: #fdf0ee; padding: 2mm 3mm; margin: 3mm 0; break-inside: avoid; }
.quality-gate.failed h2 { color: var(--thr); border-bottom: none; margin: 0 0 1mm; padding: 0; }
.quality-gate.failed ul { margin: 1mm 0; padding-left: 5mm; }
.quality-gate.passed { border-left: 3px solid var(--good); background: #eef8f1; padding: 1.5mm 2.5mm; margin: 2mm 0; }
.page-break { break-before: page; }
pre { font-size: 8pt; white-space: pre-wrap; word-break: break-word; background: #f6f8fa; padding: 2mm; margin: 1mm 0 3mm; }
footer { margin-top: 6mm; font-size: 8.5pt; color: var(--muted); border-top: 0.5px solid var(--line); padding-top: 2mm; }
@page { margin: 12mm 11mm 13mm; }
@media print { main.report { max-width: none; padding: 0; } h2 { break-after: avoid; } a { color: inherit; text-decoration: none; } }
@media screen and (max-width: 700px) { .cards { grid-template-columns: repeat(2, 1fr); } }
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><title>${esc(title)}</title><style>${REPORT_CSS}</style></head>
<body><main class="report">${body}</main></body></html>
`;
}
