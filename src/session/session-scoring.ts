import { scoreAnalytics, type ChannelAnalyticsReport, type PerformanceAnalysis } from '@app/analysis';
import type { ScoringConfig } from '@app/scoring';
import type { Selectable } from 'kysely';
import type { EmgStatisticsTable } from '../infrastructure/database/database.types.js';
import type { SubjectiveData } from '../infrastructure/database/database.types.js';
import { toSubjectiveInputs } from './session-subjective.js';

/** A channel as scoring reads it: its counts and targets (emg_statistics.analytics holds them). */
export type ScoredChannel = Omit<ChannelAnalyticsReport, 'contractions'>;

/**
 * A session's scores from its channels, its subjective inputs and its scoring configuration: the
 * one rescoring routine. The job uses it when RPE, BFR or game points changed while the analysis
 * ran; a subjective update of a completed session uses it on the stored analytics, without
 * re-analysis. Left and right are the first two sorted channels, as in the analysis.
 */
export function scoreSession(
  channels: Record<string, ScoredChannel>,
  subjective: SubjectiveData,
  config: ScoringConfig,
): PerformanceAnalysis {
  // scoring reads the counts only: the contraction list is not needed (nor stored with the analytics)
  const analytics = Object.fromEntries(
    Object.entries(channels).map(([name, channel]) => [name, { ...channel, contractions: [] }]),
  );
  return scoreAnalytics(analytics, Object.keys(channels).sort(), toSubjectiveInputs(subjective), config);
}

/** The stored channels of a session (emg_statistics rows), as scoring reads them. */
export function storedChannels(
  statistics: Pick<Selectable<EmgStatisticsTable>, 'channel_name' | 'analytics'>[],
): Record<string, ScoredChannel> {
  // analytics is written from the report's ChannelAnalyticsReport minus its contractions
  return Object.fromEntries(statistics.map((s) => [s.channel_name, s.analytics as ScoredChannel]));
}
