// "Nice" axis ticks (1, 2, 2.5, 5 x 10^k steps) for the SVG plots.

export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0) || maxTicks < 1) return 1;
  const raw = span / maxTicks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

/** Tick values inside [min, max], at most about `maxTicks` of them. */
export function ticks(min: number, max: number, maxTicks = 6): number[] {
  if (!(max > min)) return [min];
  const step = niceStep(max - min, maxTicks);
  const out: number[] = [];
  const first = Math.ceil(min / step - 1e-9) * step;
  for (let v = first; v <= max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** A tick label without floating-point noise. */
export function tickLabel(v: number): string {
  return Number(v.toPrecision(6)).toString();
}
