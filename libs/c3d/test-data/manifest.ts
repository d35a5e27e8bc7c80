/**
 * The corpus MANIFEST (the table that comes with the corpus of real recordings) read as data: one row per file with the
 * facts of its table columns (bytes, proc, fmt, pts@Hz, ch@Hz (spf), frames (first)) and its
 * "detected anomalies" text. The tests read the MANIFEST itself rather than a transcription.
 */
import { readFileSync } from 'node:fs';

export interface ManifestRow {
  path: string;
  bytes: number;
  processor: 'intel' | 'dec' | 'mips';
  format: 'integer' | 'float';
  points: number;
  pointRate: number;
  channels: number;
  analogRate: number | null;
  samplesPerFrame: number;
  frames: number;
  firstFrame: number;
  anomalies: string;
}

function match(re: RegExp, cell: string, what: string): RegExpExecArray {
  const m = re.exec(cell);
  if (!m) throw new Error(`MANIFEST: cannot read ${what} from "${cell}"`);
  return m;
}

export function readManifest(file: string): ManifestRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| ') && /\.c3d \|/i.test(l))
    .map((l) => {
      const c = l.split('|').map((x) => x.trim());
      const [, pts, pointRate] = match(/^(\d+)@([\d.]+)$/, c[6]!, 'pts@Hz');
      const [, ch, analogRate, spf] = match(/^(\d+)@([\d.]+|-) \((\d+)\)$/, c[7]!, 'ch@Hz (spf)');
      const [, frames, first] = match(/^(\d+) \((\d+)\)$/, c[8]!, 'frames (first)');
      return {
        path: c[1]!,
        bytes: Number(c[3]),
        processor: c[4]!.toLowerCase() as ManifestRow['processor'],
        format: c[5] === 'int' ? 'integer' : 'float',
        points: Number(pts),
        pointRate: Number(pointRate),
        channels: Number(ch),
        analogRate: analogRate === '-' ? null : Number(analogRate),
        samplesPerFrame: Number(spf),
        frames: Number(frames),
        firstFrame: Number(first),
        anomalies: c[11] ?? '',
      };
    });
}
