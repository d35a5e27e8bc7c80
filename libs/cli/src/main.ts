#!/usr/bin/env node
/** emg-c3d: command table and usage. Each command is loaded lazily and returns its exit code. */

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; run: Command }> = {
  inspect: {
    summary: 'inspect FILE [--json] [--samples]   header, parameters, points, analog, events, warnings',
    run: (args) => import('./inspect.js').then((m) => m.runInspect(args)),
  },
  analyze: {
    summary:
      'analyze FILE [--params PARAMS.json] [--profile ghostly-v1] [--json | --csv] [--out DIR]\n' +
      '  emg-c3d analyze DIR [--params PARAMS.json] [--profile ghostly-v1] [--out DIR]   NAME.json per file + summary.csv (--json/--csv: FILE only)',
    run: (args) => import('./analyze.js').then((m) => m.runAnalyze(args)),
  },
  report: {
    summary:
      'report FILE [--out report.html|report.pdf] [--params PARAMS.json] [--paper a4|letter]   session report',
    run: (args) => import('./report.js').then((m) => m.runReport(args)),
  },
  bids: {
    summary: 'bids DIR --out BIDS_ROOT [--subject LABEL] [--muscles CH1=NAME,...]   EMG-BIDS 1.11 dataset (EDF+)',
    run: (args) => import('./bids.js').then((m) => m.runBids(args)),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(
    ([name, c]) => `  emg-c3d ${c.summary.startsWith(name) ? c.summary : `${name} ${c.summary}`}`,
  );
  return ['Usage:', ...lines, ''].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`emg-c3d: unknown command "${name}"\n${usage()}`);
    return 1;
  }
  return command.run(rest);
}

// `emg-c3d inspect f --json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`emg-c3d: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
