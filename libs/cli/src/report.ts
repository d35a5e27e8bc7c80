/**
 * `emg-c3d report FILE [--out report.html|report.pdf] [--params PARAMS.json] [--profile ghostly-v1|seniam-v1] [--paper a4|letter]`
 * Analyses FILE and writes its session report: HTML on stdout without --out, else to --out as
 * HTML or PDF by its extension. Exit codes as every command (1 usage, 2 input that cannot be read
 * or analysed), and 3 when a PDF is asked for but Chromium is missing (the message says how to
 * enable it; HTML works without it).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readC3d } from '@app/c3d';
import { processIo, reportError, usageError, type CliIo } from './cli-errors.js';
import { loadParams } from './load-params.js';
import { analyzeC3d, buildEmgSignals, type AnalysisParams } from '@app/analysis';
import {
  PdfRenderer,
  PdfUnavailableError,
  analogUnit,
  findChromium,
  packageVersion,
  renderSessionReport,
  sessionReportFromAnalysis,
  type Paper,
} from '@app/report/node';

export interface ReportIo extends CliIo {
  /** Chromium executable (tests); default: CHROMIUM_PATH or the usual system paths. */
  chromium?: string | null;
}

/** A PDF was asked for and this machine cannot render one. */
export const EXIT_PDF_UNAVAILABLE = 3;

export const USAGE =
  'usage: emg-c3d report FILE [--out report.html|report.pdf] [--params PARAMS.json] [--profile ghostly-v1|seniam-v1] [--paper a4|letter]\n' +
  '  HTML on stdout without --out; --out NAME.pdf renders a PDF with Chromium (CHROMIUM_PATH, default /usr/bin/chromium)\n';

interface Args {
  file: string;
  out?: string;
  params?: string;
  profile?: string;
  paper: Paper;
}

function parseArgs(argv: string[]): Args | string {
  const rest: string[] = [];
  const a: Partial<Args> = { paper: 'a4' };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    if (k === '--out' || k === '--params' || k === '--profile' || k === '--paper') {
      const v = argv[++i];
      if (v === undefined) return `${k} needs a value`;
      if (k === '--paper') {
        if (v !== 'a4' && v !== 'letter') return '--paper is a4 or letter';
        a.paper = v;
      } else a[k.slice(2) as 'out' | 'params' | 'profile'] = v;
    } else if (k.startsWith('--')) return `unknown option ${k}`;
    else rest.push(k);
  }
  if (rest.length !== 1) return 'exactly one FILE is required';
  if (a.out !== undefined && !['.html', '.htm', '.pdf'].includes(extname(a.out).toLowerCase()))
    return '--out must end in .html or .pdf';
  return { ...a, file: rest[0]! } as Args;
}

/** The report's HTML for a file on disk. */
export function reportHtml(path: string, params: AnalysisParams = {}, profile?: string): string {
  const bytes = readFileSync(path);
  const file = readC3d(bytes);
  const report = analyzeC3d(file, params, { profile });
  const signals = buildEmgSignals(file, profile);
  const model = sessionReportFromAnalysis(report, signals, {
    file: {
      name: basename(path),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size_bytes: bytes.length,
    },
    unit: analogUnit(file, Object.keys(report.analytics)[0]),
    parametersRequested: params,
    serviceVersion: packageVersion(),
  });
  return renderSessionReport(model);
}

export async function runReport(argv: string[], io: ReportIo = processIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') return usageError(io, 'report', false, args, USAGE);
  let html: string;
  try {
    html = reportHtml(args.file, loadParams(args.params), args.profile);
  } catch (e) {
    return reportError(io, 'report', false, e);
  }
  if (args.out === undefined) {
    io.stdout(html);
    return 0;
  }
  if (extname(args.out).toLowerCase() !== '.pdf') {
    writeFileSync(args.out, html);
    io.stderr(`wrote ${args.out}\n`);
    return 0;
  }
  const renderer = new PdfRenderer(
    io.chromium !== undefined ? io.chromium : findChromium(process.env.CHROMIUM_PATH),
  );
  try {
    writeFileSync(args.out, await renderer.render(html, { paper: args.paper }));
    io.stderr(`wrote ${args.out}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    return reportError(io, 'report', false, error, EXIT_PDF_UNAVAILABLE);
  } finally {
    await renderer.close();
  }
}
