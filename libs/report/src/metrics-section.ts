// The per-channel metrics, each with its unit and a one-line meaning, and the per-contraction table.
import type { ChannelAnalyticsReport } from '@app/analysis';
import { esc, num, pct, physical, sig } from './html.js';
import { CLASS_LABEL, contractionClass, type ReportChannel } from './model.js';

/** A channel's heading: its name, and the muscle it recorded when that is known (CH1 · Left Quadriceps). */
export function channelTitle(ch: Pick<ReportChannel, 'name' | 'muscle'>): string {
  return ch.muscle ? `${esc(ch.name)} · ${esc(ch.muscle)}` : esc(ch.name);
}

interface MetricRow {
  label: string;
  unit: string;
  meaning: string;
  value: (a: ChannelAnalyticsReport, unit: string) => string;
}

const METRICS: MetricRow[] = [
  {
    label: 'Contractions',
    unit: 'count',
    meaning: 'Muscle activations detected in the recording.',
    value: (a) => String(a.contraction_count),
  },
  {
    label: 'Good contractions',
    unit: 'count',
    meaning:
      'Contractions that met the session rules (MVC threshold and duration) and count towards compliance.',
    value: (a) => String(a.good_contraction_count),
  },
  {
    label: 'MVC-compliant',
    unit: 'count',
    meaning: 'Contractions whose envelope peak reached the MVC threshold.',
    value: (a) => String(a.mvc_compliant_count),
  },
  {
    label: 'Duration-compliant',
    unit: 'count',
    meaning: 'Contractions that lasted at least the duration rule.',
    value: (a) => String(a.duration_compliant_count),
  },
  {
    label: 'Compliance rate',
    unit: '%',
    meaning: 'Good contractions divided by all contractions.',
    value: (a) => pct(a.compliance_rate, 1),
  },
  {
    label: 'Expected contractions',
    unit: 'count',
    meaning: 'The session target for this muscle (none given: the scoring default applies).',
    value: (a) => (a.expected_contractions === null ? 'not set' : String(a.expected_contractions)),
  },
  {
    label: 'Mean duration',
    unit: 's',
    meaning: 'Average length of a contraction (min – max in brackets).',
    value: (a) =>
      `${num(a.avg_duration_ms / 1000, 2)} (${num(a.min_duration_ms / 1000, 2)} – ${num(a.max_duration_ms / 1000, 2)})`,
  },
  {
    label: 'Time under tension',
    unit: 's',
    meaning: 'Sum of all contraction durations.',
    value: (a) => num(a.total_time_under_tension_ms / 1000, 1),
  },
  {
    label: 'Mean contraction amplitude',
    unit: 'V',
    meaning: 'Average over contractions of the mean processed envelope during the contraction.',
    value: (a, u) => physical(a.avg_amplitude, u),
  },
  {
    label: 'Peak contraction amplitude',
    unit: 'V',
    meaning: 'Highest processed-envelope value reached in any contraction.',
    value: (a, u) => physical(a.max_amplitude, u),
  },
  {
    label: 'MVC value',
    unit: 'V',
    meaning:
      'Maximum voluntary contraction reference on the envelope (given by the therapist, or estimated as its 95th percentile).',
    value: (a, u) =>
      `${physical(a.mvc_value, u)} <span class="muted">(${esc(a.mvc_estimation_method.replace(/_/g, ' '))})</span>`,
  },
  {
    label: 'MVC threshold',
    unit: 'V',
    meaning: 'The envelope peak a contraction must reach: MVC value × threshold percentage.',
    value: (a, u) =>
      `${physical(a.mvc75_threshold, u)} <span class="muted">(${sig(a.mvc_threshold_percentage)} %)</span>`,
  },
  {
    label: 'Duration rule',
    unit: 's',
    meaning: 'Minimum contraction length for the duration criterion.',
    value: (a) =>
      a.duration_threshold_actual_value === null ? 'none' : num(a.duration_threshold_actual_value / 1000, 2),
  },
  {
    label: 'RMS',
    unit: 'V',
    meaning: 'Root mean square of the raw signal: overall activation level.',
    value: (a, u) => physical(a.rms, u),
  },
  {
    label: 'MAV',
    unit: 'V',
    meaning: 'Mean absolute value of the raw signal.',
    value: (a, u) => physical(a.mav, u),
  },
  {
    label: 'MPF',
    unit: 'Hz',
    meaning: 'Mean power frequency of the raw signal (Welch spectrum); falls with fatigue.',
    value: (a) => num(a.mpf, 1),
  },
  {
    label: 'MDF',
    unit: 'Hz',
    meaning: 'Median frequency: half the spectral power lies below it; falls with fatigue.',
    value: (a) => num(a.mdf, 1),
  },
  {
    label: 'Fatigue index (FInsm5)',
    unit: '–',
    meaning:
      'Dimitrov spectral fatigue index: ratio of low- to high-frequency spectral moments; rises with fatigue.',
    value: (a) => sig(a.fatigue_index_fi_nsm5),
  },
  {
    label: 'Contraction timing',
    unit: '–',
    meaning:
      "Signal the contraction start and end were found on (the game's activated channel, or the envelope), with its threshold factor.",
    value: (a) => `${esc(a.timing_source)}, factor ${sig(a.threshold_factor_used)}`,
  },
];

/** One table: metric rows, one value column per channel. */
export function metricsTable(channels: ReportChannel[]): string {
  const unitOf = (c: ReportChannel) => c.signal?.unit ?? 'V';
  const head = `<thead><tr><th>Metric</th><th>Unit</th>${channels.map((c) => `<th class="n">${channelTitle(c)}</th>`).join('')}<th>Meaning</th></tr></thead>`;
  const rows = METRICS.map((m) => {
    const unit = m.unit === 'V' ? (channels[0] ? unitOf(channels[0]) : 'V') : m.unit;
    const cells = channels.map((c) => `<td class="n">${m.value(c.analytics, unitOf(c))}</td>`).join('');
    return `<tr><th scope="row">${esc(m.label)}</th><td>${esc(unit)}</td>${cells}<td class="meaning">${esc(m.meaning)}</td></tr>`;
  });
  return `<table class="metrics">${head}<tbody>${rows.join('')}</tbody></table>`;
}

const flag = (v: boolean) => (v ? '✓' : '✗');

/** The per-contraction table of one channel. */
export function contractionTable(ch: ReportChannel): string {
  const unit = ch.signal?.unit ?? 'V';
  const list = ch.analytics.contractions;
  if (list.length === 0) return '<p class="muted">No contraction detected.</p>';
  const rows = list.map((c, k) => {
    const cls = contractionClass(c);
    return (
      `<tr class="ctr-row" data-class="${cls}"><td class="n">${k + 1}</td><td class="n">${num(c.start_time_ms / 1000, 2)}</td>` +
      `<td class="n">${num(c.duration_ms / 1000, 2)}</td><td class="n">${physical(c.max_amplitude, unit)}</td>` +
      `<td class="n">${physical(c.mean_amplitude, unit)}</td><td>${flag(c.meets_mvc)}</td><td>${flag(c.meets_duration)}</td>` +
      `<td><span class="badge ${cls}">${esc(CLASS_LABEL[cls])}</span></td></tr>`
    );
  });
  return (
    `<table class="contractions" data-channel="${esc(ch.name)}"><thead><tr><th class="n">#</th><th class="n">Start (s)</th><th class="n">Duration (s)</th>` +
    `<th class="n">Peak</th><th class="n">Mean</th><th>MVC</th><th>Duration</th><th>Class</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}
