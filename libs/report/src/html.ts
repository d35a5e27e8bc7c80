// Small HTML and number-formatting helpers shared by the report renderers.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value made safe for HTML (every value from a file or a database goes through here). */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A number with `digits` decimals, or an en dash when missing. */
export function num(v: number | null | undefined, digits = 1): string {
  return isNum(v) ? v.toFixed(digits) : '–';
}

/** A 0..1 fraction as a percentage. */
export function pct(fraction: number | null | undefined, digits = 0): string {
  return isNum(fraction) ? `${(fraction * 100).toFixed(digits)} %` : '–';
}

/** A 0..100 score. */
export function score(v: number | null | undefined, digits = 1): string {
  return isNum(v) ? v.toFixed(digits) : '–';
}

/** Significant-figure formatting for physical values of any magnitude. */
export function sig(v: number | null | undefined, digits = 3): string {
  if (!isNum(v)) return '–';
  if (v === 0) return '0';
  return Number(v.toPrecision(digits)).toString();
}

export interface UnitScale {
  factor: number;
  unit: string;
}

/**
 * The SI prefix that shows `maxAbs` (in `unit`) with 1-3 integer digits: EMG in volts reads as
 * mV for raw signals and µV for envelopes. Units other than V are shown as they are.
 */
export function unitScale(maxAbs: number, unit: string): UnitScale {
  if (unit !== 'V' || !isNum(maxAbs) || maxAbs === 0) return { factor: 1, unit };
  if (maxAbs >= 1) return { factor: 1, unit: 'V' };
  if (maxAbs >= 1e-3) return { factor: 1e3, unit: 'mV' };
  return { factor: 1e6, unit: 'µV' };
}

/** A physical value with its best prefix, e.g. 2.64e-5 V -> "26.4 µV". */
export function physical(v: number | null | undefined, unit: string, digits = 3): string {
  if (!isNum(v)) return '–';
  const s = unitScale(Math.abs(v), unit);
  return `${sig(v * s.factor, digits)} ${s.unit}`;
}

/** Milliseconds as seconds with two decimals. */
export function seconds(ms: number | null | undefined, digits = 2): string {
  return isNum(ms) ? `${(ms / 1000).toFixed(digits)} s` : '–';
}

/** A key/value table; values are already HTML. */
export function kvTable(rows: [string, string][], cls = 'kv'): string {
  const body = rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('');
  return `<table class="${cls}"><tbody>${body}</tbody></table>`;
}
