#!/usr/bin/env node
/** The emg-c3d executable: runs the command line (cli.ts) and sets the exit code. */
import { main } from './cli.js';

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
