// The channel plot: min/max downsampling keeps every extreme at one bucket per pixel, one shaded
// rectangle per contraction with its class, the threshold and duration rule drawn, text escaped.
import { describe, expect, it } from '@jest/globals';
import type { ChannelAnalyticsReport, ContractionReport } from '@app/analysis';
import { PLOT_AREA, channelPlotSvg, seriesPath } from './signal-plot.js';
import type { ReportChannel } from './model.js';

const fs = 990;
const n = 175 * fs;

function signal(): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(i / 7) * 1e-4;
  x[12345] = 3e-3; // one isolated spike: must survive downsampling
  x[99999] = -2e-3;
  return x;
}

const c = (startS: number, durS: number, mvc: boolean, dur: boolean): ContractionReport => ({
  start_index: startS * fs,
  end_index: (startS + durS) * fs,
  start_time_ms: startS * 1000,
  end_time_ms: (startS + durS) * 1000,
  duration_ms: durS * 1000,
  mean_amplitude: 1e-4,
  max_amplitude: 2e-4,
  meets_mvc: mvc,
  meets_duration: dur,
  is_good: mvc && dur,
});

function channel(contractions: ContractionReport[]): ReportChannel {
  const raw = signal();
  return {
    name: 'CH1 <b>',
    analytics: {
      contractions,
      mvc75_threshold: 7.5e-5,
      mvc_value: 1e-4,
      mvc_threshold_percentage: 75,
      duration_threshold_actual_value: 2000,
    } as ChannelAnalyticsReport,
    signal: { samplingRate: fs, raw, envelope: raw.map(Math.abs), unit: 'V' },
  };
}

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

describe('channelPlotSvg', () => {
  const list = [
    c(1, 2.5, true, true),
    c(10, 0.5, true, false),
    c(20, 3, false, true),
    c(30, 0.4, false, false),
    c(40, 2, true, true),
  ];
  const svg = channelPlotSvg(channel(list));

  it('shades one rectangle per contraction, by class', () => {
    expect(count(svg, /<rect class="ctr ctr-/g)).toBe(5);
    expect(count(svg, /class="ctr ctr-good"/g)).toBe(2);
    expect(count(svg, /class="ctr ctr-mvc_only"/g)).toBe(1);
    expect(count(svg, /class="ctr ctr-duration_only"/g)).toBe(1);
    expect(count(svg, /class="ctr ctr-neither"/g)).toBe(1);
  });

  it('draws the MVC threshold and the duration rule to scale, and a legend of the four classes', () => {
    expect(svg).toContain('MVC threshold 75 µV (75 % of MVC 100 µV)');
    expect(svg).toContain('duration rule ≥ 2.0 s');
    const rule = svg.match(/<g class="duration-rule"><line class="rule" x1="([\d.]+)" x2="([\d.]+)"/)!;
    expect(Number(rule[2]) - Number(rule[1])).toBeCloseTo((2 / 175) * PLOT_AREA, 0);
    expect(count(svg, /class="swatch ctr-/g)).toBe(4);
  });

  it('escapes the channel name', () => {
    expect(svg).toContain('data-channel="CH1 &lt;b&gt;"');
    expect(svg).not.toContain('CH1 <b>');
  });

  it('downsamples to at most two points per pixel column and keeps isolated extremes', () => {
    const raw = signal();
    const p = { top: 0, height: 100, min: -3e-3, max: 3e-3 };
    const d = seriesPath(raw, fs, (t) => t, p);
    const points = d.split(/[ML]/).filter(Boolean);
    expect(points.length).toBeLessThanOrEqual(2 * PLOT_AREA);
    expect(points.length).toBeGreaterThan(PLOT_AREA);
    // the spike at sample 12345 is drawn at its own time, at the top of the panel (y = 0)
    expect(d).toContain(`${Math.round((12345 / fs) * 10) / 10} 0`);
    expect(d).toContain(
      `${Math.round((99999 / fs) * 10) / 10} ${Math.round((100 - ((-2e-3 + 3e-3) / 6e-3) * 100) * 10) / 10}`,
    );
  });

  it('a channel without a signal gets a labelled empty frame and no shading', () => {
    const empty = channelPlotSvg({ ...channel(list), signal: null });
    expect(empty).toContain('Signal not available');
    expect(count(empty, /class="ctr ctr-/g)).toBe(0);
  });
});
