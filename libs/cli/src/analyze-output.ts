/**
 * What `emg-c3d analyze` prints of a report: CSV rows (one per channel, the same columns in
 * --csv and in a directory's summary.csv), the text summary, and warnings on stderr.
 */
import type { CliIo } from './cli-errors.js';
import type { CliReport } from './analyze-file.js';
import type { CliWarning } from './emg-selection.js';

const CSV_COLUMNS = [
  'contraction_count',
  'good_contraction_count',
  'mvc_compliant_count',
  'duration_compliant_count',
  'avg_duration_ms',
  'min_duration_ms',
  'max_duration_ms',
  'total_time_under_tension_ms',
  'avg_amplitude',
  'max_amplitude',
  'rms',
  'mav',
  'mpf',
  'mdf',
  'fatigue_index_fi_nsm5',
  'mvc_value',
  'mvc75_threshold',
  'duration_threshold_actual_value',
] as const;
const SCORE_COLUMNS = ['overall_score', 'compliance_score', 'symmetry_score', 'effort_score'] as const;
export const CSV_HEADER = ['file', 'channel', ...CSV_COLUMNS, ...SCORE_COLUMNS, 'error'].join(',') + '\n';

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const csvLine = (cells: unknown[]): string => cells.map(cell).join(',');

export function csvRows(file: string, report: CliReport): string {
  return (
    Object.entries(report.analytics)
      .map(([ch, a]) =>
        csvLine([
          file,
          ch,
          ...CSV_COLUMNS.map((k) => a[k]),
          ...SCORE_COLUMNS.map((k) => report.performance_analysis?.[k]),
          '',
        ]),
      )
      .join('\n') + '\n'
  );
}

/** A file that could not be analysed: its name and the error, every metric empty. */
export function csvErrorRow(file: string, error: { code: string; message: string }): string {
  const empty = [...CSV_COLUMNS, ...SCORE_COLUMNS].map(() => '');
  return csvLine([file, '', ...empty, `${error.code}: ${error.message}`]) + '\n';
}

export function summary(file: string, r: CliReport): string {
  const lines = [
    `${file}  (${r.processing_profile.name} ${r.processing_profile.version}, ${r.metadata.duration_seconds.toFixed(2)} s, ${r.metadata.time ?? 'no date'})`,
  ];
  for (const [ch, a] of Object.entries(r.analytics)) {
    lines.push(
      `  ${ch}: ${a.contraction_count} contractions, ${a.mvc_compliant_count} MVC-ok, ${a.duration_compliant_count} duration-ok, ${a.good_contraction_count} good; ` +
        `avg ${a.avg_duration_ms.toFixed(1)} ms; RMS ${a.rms.toExponential(4)} V; MPF ${a.mpf?.toFixed(2) ?? '-'} Hz; MDF ${a.mdf?.toFixed(2) ?? '-'} Hz`,
    );
  }
  for (const [ch, e] of Object.entries(r.channel_errors))
    lines.push(`  ${ch}: not analysed (${e.code}): ${e.message}`);
  const p = r.performance_analysis;
  const f = (v: number | null) => (v === null ? '-' : v.toFixed(2));
  lines.push(
    p
      ? `  scores: overall ${f(p.overall_score)}, compliance ${f(p.compliance_score)}, symmetry ${f(p.symmetry_score)}, effort ${f(p.effort_score)} (${p.rpe_source} RPE)`
      : '  scores: not computed (see the warning)',
  );
  return lines.join('\n') + '\n';
}

export function writeWarnings(io: CliIo, prefix: string, warnings: CliWarning[]): void {
  for (const w of warnings) io.stderr(`${prefix}warning (${w.code}): ${w.message}\n`);
}

/** NAME of NAME.c3d, whatever the extension's case (the directory filter accepts .C3D too). */
export const stem = (file: string): string => file.replace(/\.c3d$/i, '');
