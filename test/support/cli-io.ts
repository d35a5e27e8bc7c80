/** A CliIo for the emg-c3d command specs: what a command wrote to stdout and to stderr, in order. */
export function captureIo<Extra extends object = object>(extra?: Extra) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t),
      ...(extra as Extra),
    },
    out,
    err,
  };
}
