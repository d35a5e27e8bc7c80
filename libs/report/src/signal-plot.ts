/**
 * One channel as an SVG: the raw signal (top panel) and the processed envelope (bottom panel) on
 * one time axis, every contraction shaded across both panels by its class, the MVC threshold
 * drawn on the envelope and the duration rule drawn to scale. Each series is min/max-downsampled
 * to one bucket per horizontal pixel of the plot, so every peak a full-resolution drawing would
 * show is drawn (a 175 s recording at 990 Hz becomes ~1,840 points per series, not 173,000).
 */
import { extremaIndices, type ChannelAnalyticsReport, type ContractionReport } from '@app/analysis';
import { ticks, tickLabel } from './axis.js';
import { esc, physical, sig, unitScale } from './html.js';
import { CLASS_LABEL, contractionClass, type ContractionClass, type ReportChannel } from './model.js';

export const PLOT_WIDTH = 1000;
const LEFT = 70;
const RIGHT = 14;
/** Plot-area width in pixels: the number of downsampling buckets. */
export const PLOT_AREA = PLOT_WIDTH - LEFT - RIGHT;
const LEGEND_H = 26;
const RAW_H = 118;
const GAP = 26;
const ENV_H = 150;
const AXIS_H = 34;
const HEIGHT = LEGEND_H + RAW_H + GAP + ENV_H + AXIS_H;
const RAW_TOP = LEGEND_H;
const ENV_TOP = RAW_TOP + RAW_H + GAP;

const CLASSES: ContractionClass[] = ['good', 'mvc_only', 'duration_only', 'neither'];

interface Panel {
  top: number;
  height: number;
  min: number;
  max: number;
}

const yOf = (p: Panel, v: number) => p.top + p.height - ((v - p.min) / (p.max - p.min)) * p.height;
const f1 = (v: number) => (Math.round(v * 10) / 10).toString();

/** The min/max-downsampled polyline of `values` ("M x y L x y ..."). */
export function seriesPath(
  values: ArrayLike<number>,
  fs: number,
  xOf: (t: number) => number,
  p: Panel,
): string {
  const index = extremaIndices([values], values.length, 2 * PLOT_AREA);
  const parts = new Array<string>(index.length);
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    parts[k] = `${k === 0 ? 'M' : 'L'}${f1(xOf(i / fs))} ${f1(yOf(p, values[i]!))}`;
  }
  return parts.join('');
}

function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

function yAxis(p: Panel, factor: number, unit: string, label: string): string {
  const out: string[] = [];
  for (const v of ticks(p.min * factor, p.max * factor, 4)) {
    const y = f1(yOf(p, v / factor));
    out.push(`<line class="grid" x1="${LEFT}" x2="${LEFT + PLOT_AREA}" y1="${y}" y2="${y}"/>`);
    out.push(
      `<text class="tick" x="${LEFT - 6}" y="${y}" text-anchor="end" dy="0.32em">${tickLabel(v)}</text>`,
    );
  }
  const mid = p.top + p.height / 2;
  out.push(
    `<text class="axis-label" transform="translate(14 ${f1(mid)}) rotate(-90)" text-anchor="middle">${esc(label)} (${esc(unit)})</text>`,
  );
  out.push(`<rect class="frame" x="${LEFT}" y="${p.top}" width="${PLOT_AREA}" height="${p.height}"/>`);
  return out.join('');
}

function legend(): string {
  let x = LEFT;
  const items = CLASSES.map((c) => {
    const item =
      `<rect class="swatch ctr-${c}" x="${x}" y="6" width="14" height="12"/>` +
      `<text class="legend" x="${x + 19}" y="16">${esc(CLASS_LABEL[c])}</text>`;
    x += 28 + CLASS_LABEL[c].length * 7.4;
    return item;
  });
  items.push(
    `<line class="mvc-line" x1="${x}" x2="${x + 22}" y1="12" y2="12"/><text class="legend" x="${x + 27}" y="16">MVC threshold</text>`,
  );
  x += 140;
  items.push(
    `<line class="rule" x1="${x}" x2="${x + 22}" y1="12" y2="12"/><text class="legend" x="${x + 27}" y="16">Duration rule (to scale)</text>`,
  );
  return `<g class="legend-row">${items.join('')}</g>`;
}

type XOf = (t: number) => number;

/** One band per contraction across both panels, coloured by class, with a tooltip. */
function contractionBands(list: ContractionReport[], xOf: XOf, unit: string): string {
  const bands = list.map((c, k) => {
    const cls = contractionClass(c);
    const x0 = xOf(c.start_time_ms / 1000);
    const w = Math.max(1, xOf(c.end_time_ms / 1000) - x0);
    const tip =
      `#${k + 1} ${CLASS_LABEL[cls]}: ${(c.start_time_ms / 1000).toFixed(2)} s, ${(c.duration_ms / 1000).toFixed(2)} s long, ` +
      `peak ${physical(c.max_amplitude, unit)}`;
    return `<rect class="ctr ctr-${cls}" data-index="${k + 1}" x="${f1(x0)}" y="${RAW_TOP}" width="${f1(w)}" height="${ENV_TOP + ENV_H - RAW_TOP}"><title>${esc(tip)}</title></rect>`;
  });
  return `<g class="contractions">${bands.join('')}</g>`;
}

/** Contraction numbers at the top of the envelope panel, skipped where they would overlap. */
function contractionNumbers(list: ContractionReport[], xOf: XOf): string {
  const out: string[] = [];
  let lastX = -Infinity;
  list.forEach((c, k) => {
    const x = xOf((c.start_time_ms + c.end_time_ms) / 2000);
    if (x - lastX < 16) return;
    lastX = x;
    out.push(`<text class="ctr-no" x="${f1(x)}" y="${ENV_TOP + 11}" text-anchor="middle">${k + 1}</text>`);
  });
  return out.join('');
}

/** The MVC threshold across the envelope panel, labelled in the strip above it. */
function thresholdLine(a: ChannelAnalyticsReport, p: Panel, threshold: number, unit: string): string {
  const y = f1(yOf(p, threshold));
  const label = `MVC threshold ${physical(threshold, unit)} (${sig(a.mvc_threshold_percentage)} % of MVC ${physical(a.mvc_value, unit)})`;
  return (
    `<line class="mvc-line" x1="${LEFT}" x2="${LEFT + PLOT_AREA}" y1="${y}" y2="${y}"/>` +
    `<line class="mvc-line" x1="${LEFT + PLOT_AREA - 24}" x2="${LEFT + PLOT_AREA}" y1="${ENV_TOP - 9}" y2="${ENV_TOP - 9}"/>` +
    `<text class="annot" x="${LEFT + PLOT_AREA - 28}" y="${ENV_TOP - 9}" dy="0.32em" text-anchor="end">${esc(label)}</text>`
  );
}

function timeAxis(duration: number, xOf: XOf): string {
  const axisY = ENV_TOP + ENV_H;
  const out: string[] = [];
  for (const t of ticks(0, duration, 10)) {
    const x = f1(xOf(t));
    out.push(`<line class="tickmark" x1="${x}" x2="${x}" y1="${axisY}" y2="${axisY + 4}"/>`);
    out.push(`<text class="tick" x="${x}" y="${axisY + 15}" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  out.push(
    `<text class="axis-label" x="${LEFT + PLOT_AREA / 2}" y="${axisY + 30}" text-anchor="middle">Time (s)</text>`,
  );
  return out.join('');
}

/** The SVG of one channel; `null` signal draws a labelled empty frame. */
export function channelPlotSvg(ch: ReportChannel): string {
  const a = ch.analytics;
  const title = `${ch.name}: raw EMG and processed envelope with detected contractions`;
  const head = `<svg class="channel-plot" data-channel="${esc(ch.name)}" viewBox="0 0 ${PLOT_WIDTH} ${HEIGHT}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>`;
  const s = ch.signal;
  if (!s || s.raw.length === 0) {
    return `${head}<text class="legend" x="${LEFT}" y="${HEIGHT / 2}">Signal not available for ${esc(ch.name)}</text></svg>`;
  }
  const duration = s.raw.length / s.samplingRate;
  const xOf: XOf = (t) => LEFT + (t / duration) * PLOT_AREA;

  const [rLo, rHi] = extent(s.raw);
  const rMax = Math.max(Math.abs(rLo), Math.abs(rHi)) || 1;
  const raw: Panel = { top: RAW_TOP, height: RAW_H, min: -rMax * 1.05, max: rMax * 1.05 };
  const rawScale = unitScale(rMax, s.unit);

  const [eLo, eHi] = s.envelope ? extent(s.envelope) : [0, 0];
  const threshold = a.mvc75_threshold > 0 ? a.mvc75_threshold : null;
  const eMax = Math.max(eHi, threshold ?? 0) * 1.08 || 1;
  const env: Panel = { top: ENV_TOP, height: ENV_H, min: Math.min(0, eLo), max: eMax };
  const envScale = unitScale(eMax, s.unit);

  return [
    head,
    legend(),
    // contractions first, under the traces
    contractionBands(a.contractions, xOf, s.unit),
    yAxis(raw, rawScale.factor, rawScale.unit, 'Raw'),
    `<path class="trace raw" d="${seriesPath(s.raw, s.samplingRate, xOf, raw)}"/>`,
    yAxis(env, envScale.factor, envScale.unit, 'Envelope'),
    s.envelope
      ? `<path class="trace envelope" d="${seriesPath(s.envelope, s.samplingRate, xOf, env)}"/>`
      : '',
    threshold !== null ? thresholdLine(a, env, threshold, s.unit) : '',
    durationRule(a.duration_threshold_actual_value, duration),
    contractionNumbers(a.contractions, xOf),
    timeAxis(duration, xOf),
    '</svg>',
  ].join('');
}

/** The duration rule as a bar of its real length on the time axis, top left of the envelope panel. */
function durationRule(ms: number | null, duration: number): string {
  const y = ENV_TOP - 9;
  if (ms === null || !(ms > 0)) {
    return `<text class="annot" x="${LEFT}" y="${y}" dy="0.32em">No duration rule</text>`;
  }
  const w = Math.min(PLOT_AREA / 2, (ms / 1000 / duration) * PLOT_AREA);
  const x0 = LEFT;
  return (
    `<g class="duration-rule"><line class="rule" x1="${f1(x0)}" x2="${f1(x0 + w)}" y1="${y}" y2="${y}"/>` +
    `<line class="rule" x1="${f1(x0)}" x2="${f1(x0)}" y1="${y - 4}" y2="${y + 4}"/>` +
    `<line class="rule" x1="${f1(x0 + w)}" x2="${f1(x0 + w)}" y1="${y - 4}" y2="${y + 4}"/>` +
    `<text class="annot" x="${f1(x0 + w + 5)}" y="${y}" dy="0.32em">duration rule ≥ ${(ms / 1000).toFixed(1)} s</text></g>`
  );
}
