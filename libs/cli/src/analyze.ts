/**
 * `emg-c3d analyze FILE|DIR`: the service's analysis on files on disk.
 * One file: a summary (default), the report (--json) or CSV rows (--csv) on stdout, NAME.json
 * in --out when given. A directory (--recursive: with its subfolders): every .c3d in it, a
 * progress bar on stderr, one JSON per file plus summary.csv in --out (default
 * ./emg-c3d-analysis); a failing file is reported and the batch goes on. Warnings (channels that
 * are not EMG, scores not computed) go to stderr and into the JSON's `warnings`.
 * Exit codes: 0 done, 1 usage error, 2 a file (or the directory) could not be analysed.
 *
 * The steps have their own files: analyze-args (usage, options), analyze-file (one file),
 * analyze-output (CSV, summary, warnings) and analyze-directory (a whole folder).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAnalyzeArgs, USAGE } from './analyze-args.js';
import { runDirectory } from './analyze-directory.js';
import { analyzeFile } from './analyze-file.js';
import { CSV_HEADER, csvRows, stem, summary, writeWarnings } from './analyze-output.js';
import { processIo, reportError, usageError, type CliIo } from './cli-errors.js';
import { loadParams } from './load-params.js';

export { USAGE } from './analyze-args.js';

export type AnalyzeIo = CliIo;

export async function runAnalyze(argv: string[], io: AnalyzeIo = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const args = parseAnalyzeArgs(argv);
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
