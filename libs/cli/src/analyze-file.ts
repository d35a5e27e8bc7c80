/**
 * One file of `emg-c3d analyze`: read, checked for the C3D signature, reduced to its EMG
 * channels, analysed and scored. The two-muscle scores need a left and a right channel: the
 * GHOSTLY layout, or the two named by --muscles; without either they are null with a warning.
 */
import { readFileSync } from 'node:fs';
import { readC3d } from '@app/c3d';
import {
  AnalysisError,
  analyzeC3d,
  scoreAnalytics,
  type AnalysisParams,
  type AnalysisReport,
  type PerformanceAnalysis,
} from '@app/analysis';
import { GHOSTLY_TRIAL_DEFAULT } from '@app/scoring';
import type { AnalyzeArgs } from './analyze-args.js';
import { assertC3dSignature } from './c3d-signature.js';
import { CliError } from './cli-errors.js';
import { hasGhostlyLayout, selectEmgChannels, type CliWarning } from './emg-selection.js';

/** The analysis report as the CLI writes it: scores null when the sides are unknown, plus warnings. */
export type CliReport = Omit<AnalysisReport, 'performance_analysis'> & {
  performance_analysis: PerformanceAnalysis | null;
  warnings: CliWarning[];
};

/** Reads, checks, selects the EMG channels, analyses and scores one file. */
export function analyzeFile(
  path: string,
  params: AnalysisParams,
  args: Pick<AnalyzeArgs, 'profile' | 'muscles'>,
): CliReport {
  const bytes = readFileSync(path);
  assertC3dSignature(bytes);
  const { file, skipped } = selectEmgChannels(readC3d(bytes));
  const warnings: CliWarning[] = skipped.map((s) => ({
    code: 'channel_skipped',
    message: `${s.label || '(no label)'}: not analysed as EMG, ${s.reason}`,
  }));
  if (file.analog.labels.length === 0 && skipped.length > 0) {
    throw new AnalysisError('no_emg_channels', 'the file has no EMG channel', {
      channel_errors: Object.fromEntries(
        skipped.map((s) => [s.label || '(no label)', { code: 'not_emg', message: s.reason }]),
      ),
    });
  }
  const report = analyzeC3d(file, params, { profile: args.profile });
  const names = [...Object.keys(report.analytics), ...Object.keys(report.channel_errors)].sort();
  let performance: PerformanceAnalysis | null = report.performance_analysis;
  if (args.muscles) {
    const unknown = args.muscles.filter((m) => !names.includes(m));
    if (unknown.length > 0) {
      throw new CliError(
        'unknown_channel',
        `--muscles: no EMG channel named ${unknown.join(', ')} (channels: ${names.join(', ')})`,
      );
    }
    performance = scoreAnalytics(report.analytics, args.muscles, {}, GHOSTLY_TRIAL_DEFAULT);
  } else if (!hasGhostlyLayout(names)) {
    performance = null;
    warnings.push({
      code: 'scores_not_computed',
      message:
        `the two-muscle scores compare a left and a right channel: this file has ${names.length} EMG ` +
        'channel(s), not the GHOSTLY layout (CH1 left, CH2 right); name them with --muscles LEFT,RIGHT',
    });
  }
  return { ...report, performance_analysis: performance, warnings };
}
