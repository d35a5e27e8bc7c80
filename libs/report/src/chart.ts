// A small SVG chart over sessions (x = session order, labelled by session code): lines with dots,
// or grouped bars, plus dashed horizontal target lines with their labels.
import { ticks, tickLabel } from './axis.js';
import { esc } from './html.js';

export interface ChartSeries {
  name: string;
  color: string;
  values: (number | null)[];
  /** Bars drawn lighter (e.g. all contractions behind the good ones). */
  light?: boolean;
}

export interface ChartTarget {
  value: number;
  label: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  xLabels: string[];
  yLabel: string;
  series: ChartSeries[];
  kind: 'line' | 'bar';
  targets?: ChartTarget[];
  yMin?: number;
  yMax?: number;
  /** Bar series drawn in pairs per group: [light, dark] overlaid on the same slot. */
  barGroups?: number[][];
}

const W = 1000;
const H = 300;
const L = 62;
const R = 16;
const T = 30;
const B = 74;
const PW = W - L - R;
const PH = H - T - B;
const f1 = (v: number) => (Math.round(v * 10) / 10).toString();

export function chartSvg(c: ChartSpec): string {
  const n = c.xLabels.length;
  const values = c.series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const targetValues = (c.targets ?? []).map((t) => t.value);
  const hi = c.yMax ?? Math.max(1, ...values, ...targetValues) * 1.1;
  const lo = c.yMin ?? Math.min(0, ...values);
  const y = (v: number) => T + PH - ((v - lo) / (hi - lo || 1)) * PH;
  const slot = PW / Math.max(1, n);
  const x = (i: number) => L + slot * (i + 0.5);
  const out: string[] = [
    `<svg class="chart" data-chart="${esc(c.id)}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(c.title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(c.title)}</title>`,
  ];
  for (const v of ticks(lo, hi, 5)) {
    out.push(
      `<line class="grid" x1="${L}" x2="${L + PW}" y1="${f1(y(v))}" y2="${f1(y(v))}"/><text class="tick" x="${L - 6}" y="${f1(y(v))}" dy="0.32em" text-anchor="end">${tickLabel(v)}</text>`,
    );
  }
  out.push(
    `<text class="axis-label" transform="translate(14 ${T + PH / 2}) rotate(-90)" text-anchor="middle">${esc(c.yLabel)}</text>`,
  );
  out.push(`<rect class="frame" x="${L}" y="${T}" width="${PW}" height="${PH}"/>`);
  if (c.kind === 'bar') out.push(bars(c, slot, x, y, lo));
  else out.push(lines(c, x, y));
  for (const t of c.targets ?? []) {
    out.push(
      `<line class="target-line" data-target="${esc(t.label)}" x1="${L}" x2="${L + PW}" y1="${f1(y(t.value))}" y2="${f1(y(t.value))}"/>` +
        `<text class="annot" x="${L + PW - 4}" y="${f1(y(t.value))}" dy="-4" text-anchor="end">${esc(t.label)}</text>`,
    );
  }
  // x labels: every k-th so that they do not collide
  const every = Math.max(1, Math.ceil(n / 24));
  c.xLabels.forEach((label, i) => {
    if (i % every !== 0) return;
    out.push(
      `<text class="tick" transform="translate(${f1(x(i))} ${T + PH + 12}) rotate(-35)" text-anchor="end">${esc(label)}</text>`,
    );
  });
  // legend
  let lx = L;
  for (const s of c.series) {
    out.push(
      `<rect x="${lx}" y="8" width="12" height="12" fill="${s.color}" fill-opacity="${s.light ? 0.35 : 1}"/><text class="legend" x="${lx + 17}" y="18">${esc(s.name)}</text>`,
    );
    lx += 30 + s.name.length * 7.4;
  }
  out.push('</svg>');
  return out.join('');
}

function lines(c: ChartSpec, x: (i: number) => number, y: (v: number) => number): string {
  return c.series
    .map((s) => {
      let d = '';
      let pen = false;
      const dots: string[] = [];
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) {
          pen = false;
          return;
        }
        d += `${pen ? 'L' : 'M'}${f1(x(i))} ${f1(y(v))}`;
        pen = true;
        dots.push(`<circle class="dot" cx="${f1(x(i))}" cy="${f1(y(v))}" r="3" fill="${s.color}"/>`);
      });
      return `<g class="line-series" data-series="${esc(s.name)}"><path class="series" d="${d}" stroke="${s.color}"/>${dots.join('')}</g>`;
    })
    .join('');
}

function bars(
  c: ChartSpec,
  slot: number,
  x: (i: number) => number,
  y: (v: number) => number,
  lo: number,
): string {
  const groups = c.barGroups ?? c.series.map((_, k) => [k]);
  const bw = Math.max(1, Math.min(36, (slot * 0.8) / groups.length));
  const out: string[] = [];
  c.xLabels.forEach((_, i) => {
    groups.forEach((g, gi) => {
      const x0 = x(i) - (bw * groups.length) / 2 + gi * bw;
      for (const k of g) {
        const s = c.series[k]!;
        const v = s.values[i];
        if (v === null || v === undefined || !Number.isFinite(v)) continue;
        const top = y(Math.max(v, lo));
        out.push(
          `<rect class="bar" data-series="${esc(s.name)}" x="${f1(x0)}" y="${f1(top)}" width="${f1(bw * 0.92)}" height="${f1(y(lo) - top)}" fill="${s.color}" fill-opacity="${s.light ? 0.35 : 1}"><title>${esc(`${s.name}: ${v}`)}</title></rect>`,
        );
      }
    });
  });
  return out.join('');
}
