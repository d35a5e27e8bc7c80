import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AnalysisInputError } from '../../src/analysis/analysis-runner.js';
import { runAnalysisTask } from '../../src/analysis/analysis-task.js';
import { ThreadPoolAnalysisRunner } from '../../src/analysis/thread-pool-runner.js';
import { ghostly } from '../support/session-helpers.js';

// The worker-thread path needs the compiled worker script (npm run build runs before this tier).
const WORKER = resolve('dist/src/analysis/worker/analysis.worker.js');

describe('ThreadPoolAnalysisRunner with the built worker script', () => {
  const runner = new ThreadPoolAnalysisRunner(2, WORKER);
  afterAll(async () => runner.close());

  it('runs analyses in worker threads with the same result as inline', async () => {
    expect(runner.threads).toBe(2);
    const files = [
      'Ghostly_Emg_20230321_17-50-17-0881.c3d',
      'Ghostly_Emg_20231004_13-18-43-0464.c3d',
      'Ghostly_Emg_20230321_17-23-09-0409.c3d',
    ];
    const outcomes = await Promise.all(
      files.map((f) => runner.analyze(ghostly(f), { signalsMaxPoints: 1000 })),
    );
    for (const [i, f] of files.entries()) {
      const inline = runAnalysisTask(ghostly(f), { signalsMaxPoints: 1000 });
      expect(inline.ok).toBe(true);
      if (inline.ok) expect(outcomes[i]).toEqual(inline.outcome);
    }
    expect(outcomes[0]!.report.performance_analysis.overall_score).toBeCloseTo(78.25, 2);
  });

  it('reports bad files as AnalysisInputError with the reader or analyser code', async () => {
    const truncated = readFileSync(
      join(process.cwd(), 'test/fixtures/c3d/not-ok/truncated-in-parameters.c3d'),
    );
    await expect(runner.analyze(truncated, {})).rejects.toMatchObject({
      name: 'AnalysisInputError',
      code: 'truncated',
    });
    const noEmg = readFileSync(join(process.cwd(), 'test/fixtures/bad-input/no-emg-channels.c3d'));
    const error = await runner.analyze(noEmg, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnalysisInputError);
    expect((error as AnalysisInputError).code).toBe('no_emg_channels');
  });
});
