// The patient progress report: scores, contractions, MVC estimates and adherence over the
// patient's sessions, with the trial targets drawn as dashed lines.
import { calculateAdherence, type AdherenceResult } from '@app/scoring';
import { chartSvg, type ChartSeries, type ChartTarget } from './chart.js';
import { esc, kvTable, num, physical, score } from './html.js';
import { page } from './styles.js';

export interface ProgressChannel {
  name: string;
  contractions: number | null;
  good: number | null;
  expected: number | null;
  mvc_value: number | null;
  mvc_threshold: number | null;
}

export interface ProgressSession {
  session_code: string;
  /** Session date (recording time), else upload time; ISO 8601. */
  date: string;
  status: string;
  overall_score: number | null;
  compliance_score: number | null;
  symmetry_score: number | null;
  effort_score: number | null;
  channels: ProgressChannel[];
}

export interface ProgressReportModel {
  patient_code: string;
  treatment_start_date: string | null;
  total_sessions_planned: number | null;
  /** Contractions expected per muscle when a session sets none (the scoring configuration's). */
  expected_contractions_default: number;
  /** The patient's current MVC75 targets per channel (CH1, CH2), when set. */
  mvc_targets: Record<string, number | null>;
  adherence: AdherenceResult | null;
  /** Expected sessions per week of the protocol (adherence). */
  sessions_per_week: number;
  sessions: ProgressSession[];
  unit: string;
  generated_at: string;
  service_version: string;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const SCORE_COLORS = { overall: '#1b1f24', compliance: '#1f9d55', symmetry: '#3b8fd6', effort: '#e69f00' };

function channelNames(m: ProgressReportModel): string[] {
  const set = new Set<string>();
  for (const s of m.sessions) for (const c of s.channels) set.add(c.name);
  return [...set].sort();
}

const chOf = (s: ProgressSession, name: string) => s.channels.find((c) => c.name === name);

/** Cumulative completed sessions against the protocol's expectation, per protocol day. */
export function adherenceByDay(
  dates: string[],
  start: string,
  trialDays: number,
  perWeek: number,
): { day: number; completed: number; expected: number; result: AdherenceResult }[] {
  const t0 = Date.parse(start.slice(0, 10));
  const days = dates.map((d) => Math.floor((Date.parse(d) - t0) / 86_400_000) + 1);
  const out = [];
  for (let day = 1; day <= trialDays; day++) {
    const completed = days.filter((d) => d >= 1 && d <= day).length;
    out.push({
      day,
      completed,
      expected: (perWeek / 7) * day,
      result: calculateAdherence(completed, day, { trialDays, sessionsPerWeek: perWeek }),
    });
  }
  return out;
}

function scoresChart(m: ProgressReportModel, labels: string[]): string {
  const pick = (k: keyof typeof SCORE_COLORS) => m.sessions.map((s) => s[`${k}_score`]);
  return chartSvg({
    id: 'scores',
    title: 'Scores per session',
    kind: 'line',
    xLabels: labels,
    yLabel: 'Score (0–100)',
    yMin: 0,
    yMax: 100,
    series: (Object.keys(SCORE_COLORS) as (keyof typeof SCORE_COLORS)[]).map((k) => ({
      name: k[0]!.toUpperCase() + k.slice(1),
      color: SCORE_COLORS[k],
      values: pick(k),
    })),
  });
}

function contractionsChart(m: ProgressReportModel, labels: string[], names: string[]): string {
  const series: ChartSeries[] = [];
  const groups: number[][] = [];
  names.forEach((name, k) => {
    const color = COLORS[k % COLORS.length]!;
    groups.push([series.length, series.length + 1]);
    series.push({
      name: `${name} contractions`,
      color,
      light: true,
      values: m.sessions.map((s) => chOf(s, name)?.contractions ?? null),
    });
    series.push({ name: `${name} good`, color, values: m.sessions.map((s) => chOf(s, name)?.good ?? null) });
  });
  const expected = new Set(
    m.sessions.flatMap((s) => s.channels.map((c) => c.expected ?? m.expected_contractions_default)),
  );
  const targets: ChartTarget[] = [...expected].map((e) => ({
    value: e,
    label: `target ${e} contractions per muscle`,
  }));
  return chartSvg({
    id: 'contractions',
    title: 'Contractions and good contractions per muscle',
    kind: 'bar',
    xLabels: labels,
    yLabel: 'Contractions',
    series,
    barGroups: groups,
    targets,
  });
}

function mvcChart(m: ProgressReportModel, labels: string[], names: string[]): string {
  const values = m.sessions.flatMap((s) => s.channels.map((c) => c.mvc_value ?? 0));
  const maxV = Math.max(0, ...values, ...Object.values(m.mvc_targets).map((v) => v ?? 0));
  const scale = maxV >= 1e-3 || m.unit !== 'V' ? (m.unit === 'V' ? 1e3 : 1) : 1e6;
  const unit = m.unit !== 'V' ? m.unit : scale === 1e3 ? 'mV' : 'µV';
  const series = names.map((name, k) => ({
    name: `${name} MVC`,
    color: COLORS[k % COLORS.length]!,
    values: m.sessions.map((s) => {
      const v = chOf(s, name)?.mvc_value;
      return v === null || v === undefined ? null : v * scale;
    }),
  }));
  const targets = Object.entries(m.mvc_targets)
    .filter((e): e is [string, number] => e[1] !== null && e[1] > 0)
    .map(([ch, v]) => ({ value: v * scale, label: `${ch} MVC75 target ${num(v * scale, 1)} ${unit}` }));
  return chartSvg({
    id: 'mvc',
    title: 'MVC estimate per session',
    kind: 'line',
    xLabels: labels,
    yLabel: `MVC (${unit})`,
    series,
    targets,
  });
}

function adherenceChart(m: ProgressReportModel): string {
  if (!m.treatment_start_date)
    return '<p class="muted">No treatment start date: adherence cannot be drawn.</p>';
  const trial = m.adherence?.trial_duration ?? 14;
  const rows = adherenceByDay(
    m.sessions.filter((s) => s.status === 'completed').map((s) => s.date),
    m.treatment_start_date,
    trial,
    m.sessions_per_week,
  );
  return chartSvg({
    id: 'adherence',
    title: 'Completed sessions against the protocol',
    kind: 'line',
    xLabels: rows.map((r) => `day ${r.day}`),
    yLabel: 'Sessions (cumulative)',
    yMin: 0,
    series: [
      // up to today's protocol day: later days have not happened yet
      {
        name: 'Completed',
        color: '#1f9d55',
        values: rows.map((r) => (r.day <= (m.adherence?.protocol_day ?? trial) ? r.completed : null)),
      },
      {
        name: `Protocol (${m.sessions_per_week} per week)`,
        color: '#c0392b',
        values: rows.map((r) => r.expected),
      },
    ],
  });
}

function sessionTable(m: ProgressReportModel, names: string[]): string {
  const head =
    '<thead><tr><th>Session</th><th>Date</th><th>Status</th><th class="n">Overall</th><th class="n">Compliance</th><th class="n">Symmetry</th><th class="n">Effort</th>' +
    names.map((n) => `<th class="n">${esc(n)} good / all</th><th class="n">${esc(n)} MVC</th>`).join('') +
    '</tr></thead>';
  const rows = m.sessions.map((s) => {
    const cells = names
      .map((n) => {
        const c = chOf(s, n);
        return `<td class="n">${c ? `${c.good ?? '–'} / ${c.contractions ?? '–'}` : '–'}</td><td class="n">${physical(c?.mvc_value, m.unit)}</td>`;
      })
      .join('');
    return `<tr class="session-row"><td>${esc(s.session_code)}</td><td>${esc(s.date.slice(0, 16).replace('T', ' '))}</td><td>${esc(s.status)}</td><td class="n">${score(s.overall_score)}</td><td class="n">${score(s.compliance_score)}</td><td class="n">${score(s.symmetry_score)}</td><td class="n">${score(s.effort_score)}</td>${cells}</tr>`;
  });
  return `<table class="sessions">${head}<tbody>${rows.join('')}</tbody></table>`;
}

export function renderProgressReport(m: ProgressReportModel): string {
  const title = `Patient progress report ${m.patient_code}`;
  const names = channelNames(m);
  const labels = m.sessions.map((s) => `${s.session_code} ${s.date.slice(5, 10)}`);
  const a = m.adherence;
  const completed = m.sessions.filter((s) => s.status === 'completed').length;
  const summary = kvTable([
    ['Patient', esc(m.patient_code)],
    ['Treatment start', esc(m.treatment_start_date?.slice(0, 10) ?? '–')],
    [
      'Sessions',
      `${m.sessions.length} recorded, ${completed} completed${m.total_sessions_planned ? ` of ${m.total_sessions_planned} planned` : ''}`,
    ],
    ['Protocol day', a ? `${a.protocol_day} of ${a.trial_duration}` : '–'],
    [
      'Adherence',
      a
        ? a.adherence_score === null
          ? esc(a.message ?? '–')
          : `${score(a.adherence_score)} (${esc(a.category ?? '')}: ${esc(a.interpretation ?? '')}); ${a.completed_sessions} completed of ${num(a.expected_sessions, 1)} expected`
        : '–',
    ],
    [
      'Targets',
      `${m.expected_contractions_default} contractions per muscle per session (unless a session sets its own); ${m.sessions_per_week} sessions per week`,
    ],
  ]);
  const body =
    m.sessions.length === 0
      ? '<p class="muted">No session yet.</p>'
      : [
          `<section><h2>Scores over time</h2><figure>${scoresChart(m, labels)}</figure></section>`,
          `<section><h2>Contractions per muscle</h2><figure>${contractionsChart(m, labels, names)}<figcaption>Light bars: all contractions; dark bars: good contractions. Dashed: the target.</figcaption></figure></section>`,
          `<section><h2>MVC estimates</h2><figure>${mvcChart(m, labels, names)}<figcaption>The MVC reference each session was scored against (given or estimated from its envelope); dashed: the patient's current MVC75 targets.</figcaption></figure></section>`,
          `<section><h2>Adherence</h2><figure>${adherenceChart(m)}<figcaption>Completed sessions counted from the treatment start, against the protocol's expected number.</figcaption></figure></section>`,
          `<section class="page-break"><h2>Sessions</h2>${sessionTable(m, names)}</section>`,
        ].join('\n');
  return page(
    title,
    `<header><h1>${esc(title)}</h1></header><section><h2>Summary</h2>${summary}</section>${body}` +
      `<footer>Generated ${esc(m.generated_at)} by emg-c3d-service ${esc(m.service_version)}.</footer>`,
  );
}
