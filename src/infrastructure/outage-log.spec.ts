import { describe, expect, it } from '@jest/globals';
import { OutageLog } from './outage-log.js';

function recorder() {
  const lines: Array<{ level: string; entry: Record<string, unknown> }> = [];
  return {
    lines,
    logger: {
      warn: (entry: Record<string, unknown>) => lines.push({ level: 'warn', entry }),
      log: (entry: Record<string, unknown>) => lines.push({ level: 'log', entry }),
    },
  };
}

describe('OutageLog', () => {
  it('logs an outage once, counts the errors it did not log, and logs the recovery once', () => {
    const { lines, logger } = recorder();
    const log = new OutageLog(logger as never, 'PostgreSQL');
    log.recovered(); // nothing was down: silent
    for (let i = 0; i < 5; i++)
      log.error(Object.assign(new Error('terminating connection'), { code: '57P01' }));
    log.recovered();
    log.recovered();
    expect(lines).toEqual([
      {
        level: 'warn',
        entry: { msg: 'PostgreSQL error', error: 'terminating connection', code: '57P01' },
      },
      { level: 'log', entry: { msg: 'PostgreSQL connected again', suppressedErrors: 4 } },
    ]);
  });

  it('logs again after a quiet period, or after a recovery', async () => {
    const { lines, logger } = recorder();
    const log = new OutageLog(logger as never, 'Redis', 20);
    log.error(new Error('a'));
    log.error(new Error('a again')); // within the quiet period: counted, not logged
    await new Promise((r) => setTimeout(r, 40));
    log.error(new Error('b')); // after 20 ms without errors: a new outage
    log.recovered();
    log.error('c');
    expect(lines.map((l) => [l.level, l.entry.error ?? l.entry.msg])).toEqual([
      ['warn', 'a'],
      ['warn', 'b'],
      ['log', 'Redis connected again'],
      ['warn', 'c'],
    ]);
  });
});
