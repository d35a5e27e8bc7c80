import {
  originalResultFields,
  type AnalysisReport,
  type SessionParams,
  type SignalJson,
} from '@app/analysis';
import { randomUUID } from 'node:crypto';
import type { EmgAnalysisResultDto } from './dto/emg-analysis-result.dto.js';

/** What a request adds to an analysis report to make the original's EMGAnalysisResult. */
export interface ResultRequest {
  sourceFilename: string;
  sessionParams: SessionParams;
  userId?: string | null;
  patientId?: string | null;
  sessionId?: string | null;
  /** Echoed in metadata.session_parameters_used (the client's own display settings). */
  channelMuscleMapping?: Record<string, string | null>;
  muscleColorMapping?: Record<string, string | null>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The original's `timestamp`: local time as YYYYMMDD_HHMMSS. */
export function resultTimestamp(d: Date): string {
  return (
    `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}_` +
    `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`
  );
}

function mappings(req: ResultRequest): Record<string, Record<string, string | null>> {
  const out: Record<string, Record<string, string | null>> = {};
  if (req.channelMuscleMapping) out.channel_muscle_mapping = req.channelMuscleMapping;
  if (req.muscleColorMapping) out.muscle_color_mapping = req.muscleColorMapping;
  return out;
}

/** An analysis report (and its signals) as the original's POST /upload answer. */
export function toEmgAnalysisResult(
  report: AnalysisReport,
  signals: Record<string, SignalJson> | undefined,
  req: ResultRequest,
  now = new Date(),
): EmgAnalysisResultDto {
  const fields = originalResultFields(report, req.sessionParams, now);
  const result = {
    ...(report.quality_gate ? { quality_gate: report.quality_gate } : {}),
    file_id: randomUUID(),
    timestamp: resultTimestamp(now),
    source_filename: req.sourceFilename,
    metadata: {
      ...report.metadata,
      session_parameters_used: { ...report.metadata.session_parameters_used, ...mappings(req) },
    },
    analytics: report.analytics,
    available_channels: report.available_channels,
    ...(signals ? { emg_signals: signals } : {}),
    c3d_parameters: fields.c3d_parameters,
    user_id: req.userId ?? null,
    patient_id: req.patientId ?? null,
    session_id: req.sessionId ?? null,
    session_parameters: fields.session_parameters,
    session_configuration: fields.session_configuration,
    processing_parameters: fields.processing_parameters,
    performance_analysis: {
      ...report.performance_analysis,
      session_configuration: fields.session_configuration,
    },
    scoring_configuration: fields.scoring_configuration,
    channel_errors: report.channel_errors,
    processing_profile: report.processing_profile,
    processing_options_used: report.processing_options_used,
  };
  return result as unknown as EmgAnalysisResultDto;
}
