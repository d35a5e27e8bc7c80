/**
 * `emg-c3d bids DIR --out BIDS_ROOT [--subject LABEL] [--muscles CH1=NAME,CH2=NAME] [--profile NAME]`
 * Converts the .c3d files under DIR (and its sub-folders) into an EMG-BIDS 1.11 dataset: each
 * file is analysed for its contractions and written as one session. Subject label: --subject,
 * else a patient-code folder in the file's path (P001/...), else "01"; sessions of a subject are
 * numbered 01, 02, ... in recording-time order. Only EMG channels are written (a voltage unit,
 * a label that names no other signal: the selection of `emg-c3d analyze`); a recording the
 * analysis refuses is still converted, without events. A file that cannot be read is reported
 * and skipped (exit code 2); the written dataset is checked against the BIDS rules before exit.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { analyzeC3d, extractGameMetadata } from '@app/analysis';
import {
  bidsDatasetFiles,
  bidsInputFromC3d,
  bidsSessionFiles,
  checkBidsDataset,
  contractionsFromReport,
  isBidsLabel,
  type BidsFile,
} from '@app/bids';
import { readC3d, type C3dFile } from '@app/c3d';
import {
  CliError,
  errorBody,
  errorText,
  EXIT_BAD_INPUT,
  processIo,
  reportError,
  usageError,
  type CliIo,
} from './cli-errors.js';
import { selectEmgChannels } from './emg-selection.js';

export const USAGE =
  'usage: emg-c3d bids DIR --out BIDS_ROOT [--subject LABEL] [--muscles CH1=NAME,CH2=NAME] [--profile NAME]\n';

interface Args {
  dir: string;
  out: string;
  subject?: string;
  muscles: Record<string, string>;
  profile?: string;
}

function parseArgs(argv: string[]): Args | string {
  const rest: string[] = [];
  const a: Partial<Args> & { muscles: Record<string, string> } = { muscles: {} };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    if (k === '--out' || k === '--subject' || k === '--muscles' || k === '--profile') {
      const v = argv[++i];
      if (v === undefined) return `${k} needs a value`;
      if (k === '--muscles') {
        for (const pair of v.split(',')) {
          const [ch, muscle] = pair.split('=');
          if (!ch || !muscle) return `--muscles takes CH=NAME pairs separated by commas (got "${pair}")`;
          a.muscles[ch.trim()] = muscle.trim();
        }
      } else a[k.slice(2) as 'out' | 'subject' | 'profile'] = v;
    } else if (k.startsWith('--')) return `unknown option ${k}`;
    else rest.push(k);
  }
  if (rest.length !== 1) return 'exactly one DIR is required';
  if (!a.out) return '--out BIDS_ROOT is required';
  if (a.subject !== undefined && !isBidsLabel(a.subject)) return '--subject must be letters and digits only';
  return { ...a, dir: rest[0]!, out: a.out };
}

function c3dFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...c3dFiles(path));
    else if (name.toLowerCase().endsWith('.c3d')) out.push(path);
  }
  return out;
}

function subjectOf(root: string, file: string, fixed: string | undefined): string {
  if (fixed) return fixed;
  const folder = relative(root, dirname(file))
    .split(sep)
    .reverse()
    .find((s) => /^P[0-9]{3,}$/i.test(s));
  return folder ? folder.toUpperCase() : '01';
}

/**
 * The contractions the analysis detects, as events. A recording the analysis refuses (too short,
 * no usable channel) is still raw data worth converting: it gets no events and a warning.
 */
function contractionsOf(io: CliIo, name: string, c3d: C3dFile, profile: string | undefined) {
  try {
    return contractionsFromReport(analyzeC3d(c3d, {}, { profile }));
  } catch (e) {
    io.stderr(`${name}: warning: no contraction events (${errorText(errorBody(e))})\n`);
    return [];
  }
}

/** One file's failure, in the shared error text: "FILE: error (code): message". */
function fileError(io: CliIo, root: string, file: string, e: unknown): void {
  io.stderr(`${relative(root, file)}: ${errorText(errorBody(e))}\n`);
}

function writeTree(root: string, files: BidsFile[], tree: Map<string, Uint8Array | string>): void {
  for (const f of files) {
    const path = join(root, ...f.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.data);
    tree.set(f.path, f.data);
  }
}

export async function runBids(argv: string[], io: CliIo = processIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') return usageError(io, 'bids', false, args, USAGE);
  let files: string[];
  try {
    files = c3dFiles(args.dir);
    if (files.length === 0) throw new CliError('no_c3d_files', `no .c3d files found under ${args.dir}`);
  } catch (e) {
    return reportError(io, 'bids', false, e);
  }
  // Read every file's start time first, to number each subject's sessions in time order.
  const read: { file: string; subject: string; c3d: C3dFile; time: string }[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const all = readC3d(readFileSync(file));
      // Only the EMG channels go into an EMG dataset (as emg-c3d analyze selects them).
      const { file: c3d, skipped } = selectEmgChannels(all);
      for (const k of skipped)
        io.stderr(`${relative(args.dir, file)}: channel "${k.label}" left out: ${k.reason}\n`);
      if (c3d.analog.channels.length === 0)
        throw new CliError(
          'no_emg_channels',
          `no EMG channel (${skipped.length} analog channel(s) left out)`,
        );
      read.push({
        file,
        subject: subjectOf(args.dir, file, args.subject),
        c3d,
        time: extractGameMetadata(c3d).time ?? '',
      });
    } catch (e) {
      failed++;
      fileError(io, args.dir, file, e);
    }
  }
  read.sort(
    (a, b) =>
      a.subject.localeCompare(b.subject) || a.time.localeCompare(b.time) || a.file.localeCompare(b.file),
  );
  const tree = new Map<string, Uint8Array | string>();
  const unknowns: Record<string, string> = {};
  const numbers = new Map<string, number>();
  let padded = 0;
  let written = 0;
  for (const r of read) {
    try {
      const n = (numbers.get(r.subject) ?? 0) + 1;
      const out = bidsSessionFiles(
        bidsInputFromC3d(r.c3d, {
          subject: r.subject,
          session: String(n).padStart(2, '0'),
          contractions: contractionsOf(io, relative(args.dir, r.file), r.c3d, args.profile),
          muscles: args.muscles,
        }),
      );
      numbers.set(r.subject, n);
      writeTree(args.out, out.files, tree);
      Object.assign(unknowns, out.unknowns);
      if (out.edfPadding > 0) padded++;
      written++;
      io.stderr(`${relative(args.dir, r.file)} -> sub-${r.subject}/ses-${String(n).padStart(2, '0')}\n`);
    } catch (e) {
      failed++;
      fileError(io, args.dir, r.file, e);
    }
  }
  const participants = [...numbers.keys()].map((subject) => ({ subject }));
  writeTree(
    args.out,
    bidsDatasetFiles({
      name: `EMG recordings converted from ${relative(process.cwd(), args.dir) || '.'}`,
      generatedBy: { name: 'emg-c3d bids', version: '1' },
      participants,
      unknowns,
      paddedSessions: padded,
      notes: [
        'Converted from C3D files by `emg-c3d bids`; contractions detected by the emg-c3d analysis with its default parameters.',
        'Subject labels come from --subject or a patient folder (P001/...) in the file path, else 01; sessions are numbered in recording order.',
        'Only participant_id is known for files on disk: age_group and sex are n/a.',
      ],
    }),
    tree,
  );
  const problems = checkBidsDataset(tree);
  for (const p of problems) io.stderr(`BIDS rule: ${p}\n`);
  io.stdout(
    `${written} session(s) of ${numbers.size} subject(s) written to ${args.out}${failed ? `, ${failed} file(s) failed` : ''}\n`,
  );
  if (problems.length > 0) return 1;
  return failed > 0 ? EXIT_BAD_INPUT : 0;
}
