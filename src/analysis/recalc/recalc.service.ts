import {
  originalResultFields,
  recalculateAnalytics,
  type AnalysisReport,
  type GameMetadata,
} from '@app/analysis';
import { getProcessingProfile } from '@app/emg';
import { Injectable } from '@nestjs/common';
import type { EmgAnalysisResultDto } from '../dto/emg-analysis-result.dto.js';
import { parseExistingWithParams } from '../existing-result.js';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function optionsUsed(
  existing: Record<string, unknown>,
  profileName: string,
): AnalysisReport['processing_options_used'] {
  const d = getProcessingProfile(profileName).detection;
  const given = isObj(existing.processing_options_used) ? existing.processing_options_used : {};
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  return {
    threshold_factor: num(given.threshold_factor, d.thresholdFactor),
    min_duration_ms: num(given.min_duration_ms, d.minDurationMs),
    smoothing_window: num(given.smoothing_window, d.smoothingWindowSamples),
  };
}

/**
 * POST /analysis/recalc: the previous answer re-evaluated against new thresholds (flags, counts,
 * thresholds, and the scores, which the original left out), every other field carried over.
 */
@Injectable()
export class RecalcService {
  recalc(body: unknown, now = new Date()): EmgAnalysisResultDto {
    const { existing, params, sessionParams } = parseExistingWithParams(body, true);
    // the thresholds' defaults are the previous answer's profile's (ghostly-v1 or seniam-v1)
    const result = recalculateAnalytics(existing.analytics, sessionParams, { profile: existing.profile });
    const profile = getProcessingProfile(existing.profile);
    const previous = existing.body;
    const metadata = (isObj(previous.metadata) ? previous.metadata : {}) as unknown as GameMetadata;
    const used = {
      ...result.sessionParametersUsed,
      ...(params.channel_muscle_mapping ? { channel_muscle_mapping: params.channel_muscle_mapping } : {}),
      ...(params.muscle_color_mapping ? { muscle_color_mapping: params.muscle_color_mapping } : {}),
    };
    const report: AnalysisReport = {
      metadata: { ...metadata, session_parameters_used: used },
      analytics: result.analytics,
      available_channels: Array.isArray(previous.available_channels)
        ? (previous.available_channels as string[])
        : [],
      channel_errors: {},
      performance_analysis: result.performanceAnalysis,
      processing_profile: {
        name: profile.name,
        version: profile.version,
        description: profile.description,
        parameters: profile,
      },
      processing_options_used: optionsUsed(previous, existing.profile),
    };
    const fields = originalResultFields(report, sessionParams, now);
    return {
      ...previous,
      metadata: report.metadata,
      analytics: result.analytics,
      emg_signals: existing.emgSignals,
      session_parameters: fields.session_parameters,
      session_configuration: fields.session_configuration,
      processing_parameters: fields.processing_parameters,
      performance_analysis: {
        ...result.performanceAnalysis,
        session_configuration: fields.session_configuration,
      },
      scoring_configuration: fields.scoring_configuration,
    } as unknown as EmgAnalysisResultDto;
  }
}
