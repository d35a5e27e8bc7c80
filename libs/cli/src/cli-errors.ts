/**
 * One error shape for every command: `{"error":{code,message,offset?,channels?}}` on stdout with
 * --json, `emg-c3d COMMAND: error (code): message` on stderr otherwise. Exit codes: 1 for a usage
 * error, 2 for input that cannot be read or analysed.
 */
export const EXIT_USAGE = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export interface ChannelReason {
  code: string;
  message: string;
}

/** An error as the CLI reports it. */
export interface CliErrorBody {
  code: string;
  message: string;
  /** Byte offset in the file where a C3D problem was found. */
  offset?: number;
  /** Why each channel was not analysed (no_emg_channels). */
  channels?: Record<string, ChannelReason>;
}

export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly offset?: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Any thrown value as a CliErrorBody. Duck-typed rather than instanceof: an error made in another
 * realm (Node's fs errors seen from a vm context, as under Jest) is not an instance of this
 * realm's Error.
 */
export function errorBody(e: unknown): CliErrorBody {
  const o = typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {};
  const code = typeof o.code === 'string' ? o.code : 'error';
  let message = typeof o.message === 'string' ? o.message : String(e);
  // Node's system errors start with their code ("ENOENT: no such file ...")
  if (message.startsWith(`${code}: `)) message = message.slice(code.length + 2);
  const body: CliErrorBody = { code, message };
  if (typeof o.offset === 'number') body.offset = o.offset;
  const details = o.details as { channel_errors?: Record<string, ChannelReason> } | undefined;
  if (details?.channel_errors && Object.keys(details.channel_errors).length > 0) {
    body.channels = Object.fromEntries(
      Object.entries(details.channel_errors).map(([ch, r]) => [ch, { code: r.code, message: r.message }]),
    );
  }
  return body;
}

/** The text form: one line, then one line per channel reason. */
export function errorText(body: CliErrorBody): string {
  const at = body.offset !== undefined && body.offset > 0 ? ` at byte ${body.offset}` : '';
  const lines = [`error (${body.code})${at}: ${body.message}`];
  for (const [ch, r] of Object.entries(body.channels ?? {})) lines.push(`  ${ch}: ${r.code}: ${r.message}`);
  return lines.join('\n');
}

/** Reports an error in the chosen form and returns the exit code. */
export function reportError(
  io: CliIo,
  command: string,
  json: boolean,
  e: unknown,
  exit = EXIT_BAD_INPUT,
): number {
  const body = errorBody(e);
  if (json) io.stdout(`${JSON.stringify({ error: body })}\n`);
  else io.stderr(`emg-c3d ${command}: ${errorText(body)}\n`);
  return exit;
}

/** A usage error: the message and the command's usage on stderr (JSON on stdout with --json). */
export function usageError(
  io: CliIo,
  command: string,
  json: boolean,
  message: string,
  usage: string,
): number {
  if (json) io.stdout(`${JSON.stringify({ error: { code: 'usage', message } })}\n`);
  else io.stderr(`emg-c3d ${command}: ${message}\n${usage}`);
  return EXIT_USAGE;
}
