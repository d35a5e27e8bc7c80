import type { Logger } from '@nestjs/common';

/**
 * Logs a connection outage once when it starts and once when it ends, not once per failed
 * attempt: a database or Redis that is away for a minute produces thousands of errors.
 * An error after `quietMs` of silence counts as a new outage.
 */
export class OutageLog {
  private down = false;
  private lastErrorAt = 0;
  private suppressed = 0;

  constructor(
    private readonly logger: Pick<Logger, 'warn' | 'log'>,
    private readonly what: string,
    private readonly quietMs = 30_000,
  ) {}

  error(error: unknown): void {
    const now = Date.now();
    const fresh = !this.down || now - this.lastErrorAt > this.quietMs;
    this.lastErrorAt = now;
    if (!fresh) {
      this.suppressed++;
      return;
    }
    this.down = true;
    this.logger.warn({
      msg: `${this.what} error`,
      error: error instanceof Error ? error.message : String(error),
      code: codeOf(error),
      ...(this.suppressed > 0 ? { suppressedSinceLast: this.suppressed } : {}),
    });
    this.suppressed = 0;
  }

  recovered(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log({ msg: `${this.what} connected again`, suppressedErrors: this.suppressed });
    this.suppressed = 0;
  }
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
