/** `emg-c3d analyze`: its usage text and its command line, parsed. */
import { parseMuscles } from './emg-selection.js';

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

export interface AnalyzeArgs {
  target: string;
  params?: string;
  profile?: string;
  muscles?: [string, string];
  recursive: boolean;
  format: 'text' | 'json' | 'csv';
  out?: string;
}

/** The arguments, or what is wrong with them (a usage error). */
export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs | string {
  const rest: string[] = [];
  const a: Partial<AnalyzeArgs> & { format: AnalyzeArgs['format']; recursive: boolean } = {
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
