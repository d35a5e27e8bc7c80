import { describe, expect, it } from '@jest/globals';
import { AnalysisCrashError, AnalysisInputError } from './analysis-runner.js';
import type { AnalysisOutcome, TaskResult } from './analysis-task.js';
import { settle } from './thread-pool-runner.js';

function outcomeOf(result: TaskResult): Promise<AnalysisOutcome> {
  return new Promise((resolve, reject) => settle({ resolve, reject }, result));
}

describe('settle (analysis task results)', () => {
  it('turns reader and analyser failures into AnalysisInputError with their code', async () => {
    const err = await outcomeOf({
      ok: false,
      failure: { kind: 'c3d', code: 'truncated', message: 'short', details: { offset: 12 } },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnalysisInputError);
    expect((err as AnalysisInputError).code).toBe('truncated');
  });

  it('turns an unexpected exception into AnalysisCrashError (permanent for queued work)', async () => {
    const err = await outcomeOf({
      ok: false,
      failure: { kind: 'internal', code: 'analysis_crashed', message: 'boom' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnalysisCrashError);
    expect((err as AnalysisCrashError).code).toBe('analysis_crashed');
    expect((err as Error).message).toContain('boom');
  });
});
