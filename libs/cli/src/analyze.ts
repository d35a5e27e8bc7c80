/**
 * `emg-c3d analyze FILE|DIR`: the service's analysis on files on disk.
 * One file: a summary (default), the report (--json) or CSV rows (--csv) on stdout, NAME.json
 * in --out when given. A directory (--recursive: with its subfolders): every .c3d in it, a
 * progress bar on stderr, one JSON per file plus summary.csv in --out (default
 * ./emg-c3d-analysis); a failing file is reported and the batch goes on. Warnings (channels that
 * are not EMG, scores not computed) go to stderr and into the JSON's `warnings`.
 * Exit codes: 0 done, 1 usage error, 2 a file (or the directory) could not be analysed.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readC3d } from '@app/c3d';
import {
  AnalysisError,
  analyzeC3d,
  validateAnalysisParams,
  normalizeAnalysisParams,
  scoreAnalytics,
  type AnalysisParams,
  type AnalysisReport,
  type PerformanceAnalysis,
} from '@app/analysis';
import { GHOSTLY_TRIAL_DEFAULT } from '@app/scoring';
import { assertC3dSignature } from './c3d-signature.js';
import {
  CliError,
  EXIT_BAD_INPUT,
  errorBody,
  errorText,
  processIo,
  reportError,
  usageError,
  type CliIo,
} from './cli-errors.js';
import { hasGhostlyLayout, parseMuscles, selectEmgChannels, type CliWarning } from './emg-selection.js';
import { findC3dFiles } from './find-c3d.js';

export type AnalyzeIo = CliIo;

export const USAGE =
  'usage: emg-c3d analyze FILE [--params PARAMS.json] [--profile ghostly-v1|seniam-v1] [--muscles LEFT,RIGHT] [--json | --csv] [--out DIR]\n' +
  '       emg-c3d analyze DIR [--recursive] [--params PARAMS.json] [--profile ghostly-v1|seniam-v1] [--muscles LEFT,RIGHT] [--out DIR]\n' +
  '  FILE: summary, --json report or --csv rows on stdout (and NAME.json in --out when given)\n' +
  '  DIR:  NAME.json per .c3d file and summary.csv in --out (default ./emg-c3d-analysis), progress on stderr;\n' +
  '        --recursive looks into subfolders too; --json/--csv apply to a FILE only\n' +
  '  --muscles LEFT,RIGHT: the two channels the two-muscle scores compare (GHOSTLY files: CH1,CH2 by layout;\n' +
  '        other files get no scores without it)\n' +
  '  Analog channels whose unit is not a voltage or whose label names another signal (Acc, Fx, Torque, ...)\n' +
  '  are skipped with a warning. Errors: --json prints {"error":{code,message,offset?,channels?}} on stdout.\n' +
  '  Exit: 0 done, 1 usage error, 2 a file could not be analysed.\n';

interface Args {
  target: string;
  params?: string;
  profile?: string;
  muscles?: [string, string];
  recursive: boolean;
  format: 'text' | 'json' | 'csv';
  out?: string;
}

function parseArgs(argv: string[]): Args | string {
  const rest: string[] = [];
  const a: Partial<Args> & { format: Args['format']; recursive: boolean } = {
    format: 'text',
    recursive: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    if (k === '--json' || k === '--csv') {
      if (a.format !== 'text') return '--json and --csv are exclusive';
      a.format = k === '--json' ? 'json' : 'csv';
    } else if (k === '--recursive' || k === '-r') a.recursive = true;
    else if (k === '--params' || k === '--profile' || k === '--out' || k === '--muscles') {
      const v = argv[++i];
      if (v === undefined) return `${k} needs a value`;
      if (k === '--muscles') {
        const m = parseMuscles(v);
        if (typeof m === 'string') return m;
        a.muscles = m;
      } else a[k.slice(2) as 'params' | 'profile' | 'out'] = v;
    } else if (k.startsWith('-')) return `unknown option ${k}`;
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

/** The analysis report as the CLI writes it: scores null when the sides are unknown, plus warnings. */
export type CliReport = Omit<AnalysisReport, 'performance_analysis'> & {
  performance_analysis: PerformanceAnalysis | null;
  warnings: CliWarning[];
};

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

export function csvRows(file: string, report: CliReport): string {
  return (
    Object.entries(report.analytics)
      .map(([ch, a]) =>
        [
          file,
          ch,
          ...CSV_COLUMNS.map((k) => a[k]),
          ...SCORE_COLUMNS.map((k) => report.performance_analysis?.[k]),
          '',
        ]
          .map(cell)
          .join(','),
      )
      .join('\n') + '\n'
  );
}

function summary(file: string, r: CliReport): string {
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

function progress(io: AnalyzeIo, done: number, total: number, label: string): void {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : width;
  io.stderr(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
  );
  if (done === total) io.stderr('\n');
}

/** NAME of NAME.c3d, whatever the extension's case (the directory filter accepts .C3D too). */
const stem = (file: string): string => file.replace(/\.c3d$/i, '');

/** Reads, checks, selects the EMG channels, analyses and scores one file. */
export function analyzeFile(
  path: string,
  params: AnalysisParams,
  args: Pick<Args, 'profile' | 'muscles'>,
): CliReport {
  const bytes = readFileSync(path);
  assertC3dSignature(bytes);
  const { file, skipped } = selectEmgChannels(readC3d(bytes));
  const warnings: CliWarning[] = skipped.map((s) => ({
    code: 'channel_skipped',
    message: `${s.label || '(no label)'}: not analysed as EMG, ${s.reason}`,
  }));
  if (file.analog.labels.length === 0 && skipped.length > 0) {
    throw new AnalysisError('no_emg_channels', 'the file has no EMG channel', {
      channel_errors: Object.fromEntries(
        skipped.map((s) => [s.label || '(no label)', { code: 'not_emg', message: s.reason }]),
      ),
    });
  }
  const report = analyzeC3d(file, params, { profile: args.profile });
  const names = [...Object.keys(report.analytics), ...Object.keys(report.channel_errors)].sort();
  let performance: PerformanceAnalysis | null = report.performance_analysis;
  if (args.muscles) {
    const unknown = args.muscles.filter((m) => !names.includes(m));
    if (unknown.length > 0) {
      throw new CliError(
        'unknown_channel',
        `--muscles: no EMG channel named ${unknown.join(', ')} (channels: ${names.join(', ')})`,
      );
    }
    performance = scoreAnalytics(report.analytics, args.muscles, {}, GHOSTLY_TRIAL_DEFAULT);
  } else if (!hasGhostlyLayout(names)) {
    performance = null;
    warnings.push({
      code: 'scores_not_computed',
      message:
        `the two-muscle scores compare a left and a right channel: this file has ${names.length} EMG ` +
        'channel(s), not the GHOSTLY layout (CH1 left, CH2 right); name them with --muscles LEFT,RIGHT',
    });
  }
  return { ...report, performance_analysis: performance, warnings };
}

function writeWarnings(io: AnalyzeIo, prefix: string, warnings: CliWarning[]): void {
  for (const w of warnings) io.stderr(`${prefix}warning (${w.code}): ${w.message}\n`);
}

function runDirectory(args: Args, params: AnalysisParams, io: AnalyzeIo): number {
  const { files, unsearchedFolders } = findC3dFiles(args.target, args.recursive);
  if (files.length === 0) {
    const hint =
      unsearchedFolders > 0 ? ` (${unsearchedFolders} subfolder(s) not searched: add --recursive)` : '';
    throw new CliError('no_c3d_files', `no .c3d files found under ${args.target}${hint}`);
  }
  const out = args.out ?? 'emg-c3d-analysis';
  mkdirSync(out, { recursive: true });
  let csv = CSV_HEADER;
  let failed = 0;
  files.forEach((f, i) => {
    progress(io, i, files.length, f);
    try {
      const report = analyzeFile(join(args.target, f), params, args);
      const target = join(out, `${stem(f)}.json`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, JSON.stringify(report, null, 1));
      csv += csvRows(f, report);
      if (report.warnings.length > 0) {
        io.stderr('\n');
        writeWarnings(io, `${f}: `, report.warnings);
      }
    } catch (e) {
      failed++;
      const body = errorBody(e);
      io.stderr(`\n${f}: ${errorText(body)}\n`);
      csv +=
        [f, '', ...CSV_COLUMNS.map(() => ''), ...SCORE_COLUMNS.map(() => ''), `${body.code}: ${body.message}`]
          .map(cell)
          .join(',') + '\n';
    }
  });
  progress(io, files.length, files.length, 'done');
  writeFileSync(join(out, 'summary.csv'), csv);
  io.stderr(`${files.length - failed}/${files.length} analysed, results in ${out}\n`);
  return failed ? EXIT_BAD_INPUT : 0;
}

export async function runAnalyze(argv: string[], io: AnalyzeIo = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const args = parseArgs(argv);
  if (typeof args === 'string') return usageError(io, 'analyze', json, args, USAGE);
  try {
    const isDirectory = statSync(args.target).isDirectory();
    if (isDirectory && args.format !== 'text') {
      return usageError(
        io,
        'analyze',
        json,
        `--${args.format} applies to a single FILE; a DIR writes JSON and summary.csv to --out`,
        USAGE,
      );
    }
    const params = loadParams(args.params);
    if (isDirectory) return await Promise.resolve(runDirectory(args, params, io));
    const report = analyzeFile(args.target, params, args);
    const name = basename(args.target);
    if (args.out) {
      mkdirSync(args.out, { recursive: true });
      writeFileSync(join(args.out, `${stem(name)}.json`), JSON.stringify(report, null, 1));
    }
    writeWarnings(io, `emg-c3d analyze: ${name}: `, report.warnings);
    if (args.format === 'json') io.stdout(JSON.stringify(report) + '\n');
    else if (args.format === 'csv') io.stdout(CSV_HEADER + csvRows(name, report));
    else io.stdout(summary(name, report));
    return 0;
  } catch (e) {
    return reportError(io, 'analyze', json, e);
  }
}
