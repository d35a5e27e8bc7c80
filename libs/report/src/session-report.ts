// The session report as one self-contained HTML page (inline CSS and SVG, nothing fetched).
import { esc, kvTable, num } from './html.js';
import { channelTitle, contractionTable, metricsTable } from './metrics-section.js';
import {
  CLASS_LABEL,
  contractionClass,
  type ContractionClass,
  type ReportChannel,
  type SessionReportModel,
} from './model.js';
import { qualityGateSection } from './quality-gate-section.js';
import { scoresSection } from './scores-section.js';
import { channelPlotSvg } from './signal-plot.js';
import { page } from './styles.js';

/** Metadata members shown elsewhere in the report, or not meaningful as a table cell. */
const METADATA_HIDDEN = new Set(['session_parameters_used', 'file_warnings']);

const LABELS: Record<string, string> = {
  game_name: 'Game',
  level: 'Level',
  level_name: 'Level name',
  version: 'Game version',
  system: 'System',
  event: 'Event',
  duration: 'Game duration (s)',
  duration_seconds: 'EMG duration (s)',
  time: 'Recorded',
  player_name: 'Player name',
  therapist_id: 'Therapist id (file)',
  group_id: 'Group id',
  game_score: 'Game score (file)',
  score: 'Score (file)',
  sampling_rate: 'EMG sampling rate (Hz)',
  channel_names: 'Analog channels',
  channel_count: 'Analog channel count',
  frame_count: 'Game frames',
  point_rate: 'Game frame rate (Hz)',
  marker_set: 'Marker set',
  data_type_labels: 'Data type',
  gen_scale: 'General scale',
};

function metadataRows(meta: Record<string, unknown>): [string, string][] {
  return Object.entries(meta)
    .filter(
      ([k, v]) =>
        !METADATA_HIDDEN.has(k) &&
        v !== null &&
        v !== undefined &&
        (typeof v !== 'object' || Array.isArray(v)),
    )
    .map(([k, v]) => {
      const text = Array.isArray(v)
        ? v.join(', ')
        : typeof v === 'number' && !Number.isInteger(v)
          ? num(v, 3)
          : String(v);
      return [LABELS[k] ?? k, esc(text)];
    });
}

function classCounts(ch: ReportChannel): Record<ContractionClass, number> {
  const out: Record<ContractionClass, number> = { good: 0, mvc_only: 0, duration_only: 0, neither: 0 };
  for (const c of ch.analytics.contractions) out[contractionClass(c)]++;
  return out;
}

function channelFigure(ch: ReportChannel): string {
  const counts = classCounts(ch);
  const a = ch.analytics;
  const summary = (Object.keys(counts) as ContractionClass[])
    .map((k) => `${counts[k]} ${CLASS_LABEL[k].toLowerCase()}`)
    .join(', ');
  return (
    `<section class="channel" data-channel="${esc(ch.name)}"><h3>${channelTitle(ch)}</h3>` +
    `<figure>${channelPlotSvg(ch)}<figcaption>${a.contraction_count} contractions (${esc(summary)}); ` +
    `${a.good_contraction_count} good, target ${a.expected_contractions ?? 'the scoring default (see Scores)'}. ` +
    `Top: raw EMG; bottom: processed envelope (high-pass, rectified, low-pass, smoothed), on which peaks and the MVC threshold are measured.</figcaption></figure></section>`
  );
}

function json(value: unknown): string {
  return `<pre>${esc(JSON.stringify(value ?? null, null, 2))}</pre>`;
}

function warningsSection(m: SessionReportModel): string {
  if (m.warnings.length === 0)
    return '<div class="ok">No warnings: the recording was read completely and every EMG channel was analysed.</div>';
  return m.warnings
    .map(
      (w) =>
        `<div class="warn" data-code="${esc(w.code)}"><b>${esc(w.code.replace(/_/g, ' '))}</b>: ${esc(w.message)}</div>`,
    )
    .join('');
}

export function renderSessionReport(m: SessionReportModel): string {
  const title = `EMG session report${m.session_code ? ` ${m.session_code}` : ''}`;
  const who = [
    m.session_code && `Session <b>${esc(m.session_code)}</b>`,
    m.patient_code && `patient <b>${esc(m.patient_code)}</b>`,
    m.recorded_at && `recorded ${esc(m.recorded_at.replace('T', ' '))}`,
    `file ${esc(m.file.name)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const names = m.channels.map((c) => c.name);
  const body = [
    `<header><h1>${esc(title)}</h1><p class="sub">${who}</p></header>`,
    qualityGateSection(m.quality_gate),
    `<section class="warnings"><h2>Warnings</h2>${warningsSection(m)}</section>`,
    `<section class="scores"><h2>Scores</h2>${scoresSection(m.scores, names)}</section>`,
    `<section class="signals"><h2>Signals and contractions</h2>${m.channels.map(channelFigure).join('')}</section>`,
    `<section class="contraction-tables page-break"><h2>Contractions</h2><p class="muted">Start and duration in seconds from the start of the recording; peak and mean on the processed envelope. ✓ = criterion met.</p>` +
      m.channels.map((c) => `<h3>${channelTitle(c)}</h3>${contractionTable(c)}`).join('') +
      '</section>',
    `<section class="metrics"><h2>Metrics</h2><p class="muted">Amplitudes are in the recording's unit, shown with an SI prefix (µV, mV).</p>${metricsTable(m.channels)}</section>`,
    `<section class="game"><h2>Game metadata</h2>${kvTable(metadataRows(m.game_metadata))}</section>`,
    `<section class="processing"><h2>Processing</h2>` +
      kvTable([
        ['Profile', `${esc(m.profile.name)}${m.profile.version ? ` ${esc(m.profile.version)}` : ''}`],
        ['Description', esc(m.profile.description ?? '–')],
        ['File', esc(m.file.name)],
        ['SHA-256', `<code>${esc(m.file.sha256 ?? '–')}</code>`],
        ['Size', m.file.size_bytes === null ? '–' : `${m.file.size_bytes.toLocaleString('en')} bytes`],
        ['Processed at', esc(m.processed_at ?? '–')],
      ]) +
      `<h3>Parameters requested</h3>${json(m.parameters_requested)}` +
      `<h3>Parameters used</h3>${json(m.parameters_used)}</section>`,
    `<footer>Generated ${esc(m.generated_at)} by emg-c3d-service ${esc(m.service_version)}. ` +
      'Scores and contraction rules as configured for this session; see the Processing section for every parameter used.</footer>',
  ];
  return page(title, body.join('\n'));
}
