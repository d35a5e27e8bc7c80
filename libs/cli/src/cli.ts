/**
 * emg-c3d: command table, usage and dispatch (main.ts is the executable that calls it). Each
 * command is loaded lazily and returns its exit code; `COMMAND --help` works for every command.
 */
import { processIo, type CliIo } from './cli-errors.js';

type Command = (args: string[]) => Promise<number>;

/** A command's summary line; `help` loads its full usage text when it has one. */
const commands: Record<string, { summary: string; run: Command; help?: () => Promise<string> }> = {
  inspect: {
    summary: 'inspect FILE [--json] [--samples]   header, parameters, points, analog, events, warnings',
    run: (args) => import('./inspect.js').then((m) => m.runInspect(args)),
    help: () => import('./inspect.js').then((m) => m.USAGE),
  },
  analyze: {
    summary:
      'analyze FILE [--params PARAMS.json] [--profile ghostly-v1|seniam-v1] [--muscles LEFT,RIGHT] [--json | --csv] [--out DIR]\n' +
      '  emg-c3d analyze DIR [--recursive] [--params PARAMS.json] [--out DIR] ...   NAME.json per file + summary.csv (--json/--csv: FILE only)',
    run: (args) => import('./analyze.js').then((m) => m.runAnalyze(args)),
    help: () => import('./analyze.js').then((m) => m.USAGE),
  },
  report: {
    summary:
      'report FILE [--out report.html|report.pdf] [--params PARAMS.json] [--paper a4|letter]   session report',
    run: (args) => import('./report.js').then((m) => m.runReport(args)),
    help: () => import('./report.js').then((m) => m.USAGE),
  },
  bids: {
    summary:
      'bids DIR --out BIDS_ROOT [--subject LABEL] [--muscles CH1=NAME,...]   EMG-BIDS 1.11 dataset (EDF+)',
    run: (args) => import('./bids.js').then((m) => m.runBids(args)),
    help: () => import('./bids.js').then((m) => m.USAGE),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(
    ([name, c]) => `  emg-c3d ${c.summary.startsWith(name) ? c.summary : `${name} ${c.summary}`}`,
  );
  return [
    'Usage:',
    ...lines,
    '',
    'emg-c3d COMMAND --help (or emg-c3d help COMMAND) for one command.',
    '',
  ].join('\n');
}

/** `emg-c3d COMMAND --help`: the command's usage on stdout, exit 0, whatever else was given. */
async function commandHelp(name: string): Promise<string> {
  const c = commands[name]!;
  return c.help ? c.help() : `usage: emg-c3d ${c.summary}\n`;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0] && commands[rest[0]]) {
    io.stdout(await commandHelp(rest[0]));
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`emg-c3d: unknown command "${name}"\n${usage()}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(await commandHelp(name));
    return 0;
  }
  return command.run(rest);
}
