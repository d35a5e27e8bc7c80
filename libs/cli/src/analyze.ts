/**
 * `emg-c3d analyze FILE [--params PARAMS.json] [--profile ghostly-v1] [--json | --csv] [--out DIR]`
 * `emg-c3d analyze DIR [--params PARAMS.json] [--profile ghostly-v1] [--out DIR]`
 * One file: a summary (default), the AnalysisReport (--json) or CSV rows (--csv) on stdout, and
 * <name>.json in --out when given. A directory: every .c3d in it, a progress bar on stderr,
 * one JSON per file plus summary.csv in --out (default ./emg-c3d-analysis); a failing file is
 * reported and the batch goes on (exit code 2 when any file failed). --json and --csv choose
 * what a single file prints; a directory always writes both forms, so with a DIR they are a
 * usage error (exit 1, like every other usage error) rather than silently ignored.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readC3d } from '@app/c3d';
import {
  AnalysisError,
  analyzeC3d,
  validateAnalysisParams,
  normalizeAnalysisParams,
  type AnalysisParams,
  type AnalysisReport,
} from '@app/analysis';

export interface AnalyzeIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: AnalyzeIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};
const USAGE =
  'usage: emg-c3d analyze FILE [--params PARAMS.json] [--profile ghostly-v1] [--json | --csv] [--out DIR]\n' +
  '       emg-c3d analyze DIR [--params PARAMS.json] [--profile ghostly-v1] [--out DIR]\n' +
  '  FILE: summary, --json report or --csv rows on stdout (and NAME.json in --out when given)\n' +
  '  DIR:  NAME.json per .c3d file and summary.csv in --out (default ./emg-c3d-analysis), progress on stderr;\n' +
  '        --json/--csv apply to a FILE only\n';

interface Args {
  target: string;
  params?: string;
  profile?: string;
  format: 'text' | 'json' | 'csv';
  out?: string;
}

function parseArgs(argv: string[]): Args | string {
  const rest: string[] = [];
  const a: Partial<Args> & { format: Args['format'] } = { format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    if (k === '--json' || k === '--csv') {
      if (a.format !== 'text') return '--json and --csv are exclusive';
      a.format = k === '--json' ? 'json' : 'csv';
    } else if (k === '--params' || k === '--profile' || k === '--out') {
      const v = argv[++i];
      if (v === undefined) return `${k} needs a value`;
      a[k.slice(2) as 'params' | 'profile' | 'out'] = v;
    } else if (k.startsWith('--')) return `unknown option ${k}`;
    else rest.push(k);
  }
  if (rest.length !== 1) return 'exactly one FILE or DIR is required';
  return { ...a, target: rest[0]! };
}

function loadParams(path: string | undefined): AnalysisParams {
  if (!path) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const problems = validateAnalysisParams(parsed);
  if (problems.length) throw new AnalysisError('invalid_params', `${path}: ${problems.join('; ')}`);
  return normalizeAnalysisParams(parsed as AnalysisParams);
}

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

export function csvRows(file: string, report: AnalysisReport): string {
  return (
    Object.entries(report.analytics)
      .map(([ch, a]) =>
        [
          file,
          ch,
          ...CSV_COLUMNS.map((k) => a[k]),
          ...SCORE_COLUMNS.map((k) => report.performance_analysis[k]),
          '',
        ]
          .map(cell)
          .join(','),
      )
      .join('\n') + '\n'
  );
}

function summary(file: string, r: AnalysisReport): string {
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
    lines.push(`  ${ch}: skipped (${e.code}): ${e.message}`);
  const p = r.performance_analysis;
  const f = (v: number | null) => (v === null ? '-' : v.toFixed(2));
  lines.push(
    `  scores: overall ${f(p.overall_score)}, compliance ${f(p.compliance_score)}, symmetry ${f(p.symmetry_score)}, effort ${f(p.effort_score)} (${p.rpe_source} RPE)`,
  );
  return lines.join('\n') + '\n';
}

function progress(io: AnalyzeIo, done: number, total: number, label: string): void {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : width;
  io.stderr(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
  );
  if (done === total) io.stderr('\n');
}

function errorText(e: unknown): string {
  // duck-typed rather than instanceof Error: an error made in another realm (Node's fs errors
  // seen from a vm context, as under Jest) is not an instance of this realm's Error
  const o = typeof e === 'object' && e !== null ? (e as { code?: unknown; message?: unknown }) : {};
  const code = typeof o.code === 'string' ? o.code : 'error';
  const message = typeof o.message === 'string' ? o.message : String(e);
  // Node's system errors already start with their code ("EISDIR: illegal operation ...")
  return message.startsWith(`${code}: `) ? message : `${code}: ${message}`;
}

/** NAME of NAME.c3d, whatever the extension's case (the directory filter accepts .C3D too). */
const stem = (file: string): string => basename(file).replace(/\.c3d$/i, '');

function analyzeOne(path: string, args: Args, params: AnalysisParams): AnalysisReport {
  return analyzeC3d(readC3d(readFileSync(path)), params, { profile: args.profile });
}

function runDirectory(args: Args, params: AnalysisParams, io: AnalyzeIo): number {
  const files = readdirSync(args.target)
    .filter((f) => f.toLowerCase().endsWith('.c3d'))
    .sort();
  const out = args.out ?? 'emg-c3d-analysis';
  mkdirSync(out, { recursive: true });
  let csv = CSV_HEADER;
  let failed = 0;
  files.forEach((f, i) => {
    progress(io, i, files.length, f);
    try {
      const report = analyzeOne(join(args.target, f), args, params);
      writeFileSync(join(out, `${stem(f)}.json`), JSON.stringify(report, null, 1));
      csv += csvRows(f, report);
    } catch (e) {
      failed++;
      io.stderr(`\n${f}: ${errorText(e)}\n`);
      csv +=
        [f, '', ...CSV_COLUMNS.map(() => ''), ...SCORE_COLUMNS.map(() => ''), errorText(e)]
          .map(cell)
          .join(',') + '\n';
    }
  });
  progress(io, files.length, files.length, 'done');
  writeFileSync(join(out, 'summary.csv'), csv);
  io.stderr(`${files.length - failed}/${files.length} analysed, results in ${out}\n`);
  return failed ? 2 : 0;
}

export async function runAnalyze(argv: string[], io: AnalyzeIo = defaultIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`emg-c3d analyze: ${args}\n${USAGE}`);
    return 1;
  }
  try {
    const isDirectory = statSync(args.target).isDirectory();
    if (isDirectory && args.format !== 'text') {
      io.stderr(
        `emg-c3d analyze: --${args.format} applies to a single FILE; a DIR writes JSON and summary.csv to --out\n${USAGE}`,
      );
      return 1;
    }
    const params = loadParams(args.params);
    if (isDirectory) return await Promise.resolve(runDirectory(args, params, io));
    const report = analyzeOne(args.target, args, params);
    const name = basename(args.target);
    if (args.out) {
      mkdirSync(args.out, { recursive: true });
      writeFileSync(join(args.out, `${stem(name)}.json`), JSON.stringify(report, null, 1));
    }
    if (args.format === 'json') io.stdout(JSON.stringify(report) + '\n');
    else if (args.format === 'csv') io.stdout(CSV_HEADER + csvRows(name, report));
    else io.stdout(summary(name, report));
    return 0;
  } catch (e) {
    io.stderr(`emg-c3d analyze: ${errorText(e)}\n`);
    return 2;
  }
}
