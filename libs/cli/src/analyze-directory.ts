/**
 * `emg-c3d analyze DIR`: every .c3d file under DIR, a progress bar on stderr, NAME.json per
 * file and summary.csv in --out. A file that fails is reported and the batch goes on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AnalysisParams } from '@app/analysis';
import type { AnalyzeArgs } from './analyze-args.js';
import { analyzeFile } from './analyze-file.js';
import { CSV_HEADER, csvErrorRow, csvRows, stem, writeWarnings } from './analyze-output.js';
import { CliError, EXIT_BAD_INPUT, errorBody, errorText, type CliIo } from './cli-errors.js';
import { findC3dFiles } from './find-c3d.js';

function progress(io: CliIo, done: number, total: number, label: string): void {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : width;
  io.stderr(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
  );
  if (done === total) io.stderr('\n');
}

/** Analyses the directory; the exit code: 0 when every file was analysed, else EXIT_BAD_INPUT. */
export function runDirectory(args: AnalyzeArgs, params: AnalysisParams, io: CliIo): number {
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
      csv += csvErrorRow(f, body);
    }
  });
  progress(io, files.length, files.length, 'done');
  writeFileSync(join(out, 'summary.csv'), csv);
  io.stderr(`${files.length - failed}/${files.length} analysed, results in ${out}\n`);
  return failed ? EXIT_BAD_INPUT : 0;
}
