import type { Selectable } from 'kysely';
import { qualityGateReport, type ChannelAnalyticsReport } from '@app/analysis';
import type { ContractionsTable, EmgStatisticsTable } from '../infrastructure/database/database.types.js';
import type {
  ChannelStatisticsDto,
  ContractionDto,
  SessionDetailDto,
  SessionStatusDto,
  SessionSummaryDto,
} from './dto/session-response.dto.js';
import type { SessionResultsRepository } from './session-results.repository.js';
import type { SessionRow } from './session-row.types.js';
import { sessionQuality } from './session-quality.js';
import type { WebhookStatusDto } from '../webhook/dto/storage-event.dto.js';

type Results = Awaited<ReturnType<SessionResultsRepository['read']>>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const withoutIds = <T extends { id?: unknown; session_id?: unknown }>(row: T) => {
  const { id: _id, session_id: _sid, ...rest } = row;
  return rest;
};

export function toSessionStatusDto(row: SessionRow): SessionStatusDto {
  return {
    session_code: row.session_code,
    status: row.processing_status,
    stage: row.stage,
    progress: row.progress,
    error_code: row.error_code,
    error_message: row.error_message,
    attempts: row.attempts,
    result_version: row.result_version,
    processed_at: iso(row.processed_at),
    has_analysis: row.result_version > 0,
    ...sessionQuality(row.game_metadata, row.result_version > 0),
  };
}

export function toSessionSummaryDto(
  row: Pick<
    SessionRow,
    | 'id'
    | 'session_code'
    | 'therapist_id'
    | 'processing_status'
    | 'file_path'
    | 'file_size_bytes'
    | 'session_date'
    | 'processed_at'
    | 'created_at'
  > & { patient_code: string },
): SessionSummaryDto {
  return {
    id: row.id,
    session_code: row.session_code,
    patient_code: row.patient_code,
    therapist_id: row.therapist_id,
    status: row.processing_status,
    file_path: row.file_path,
    file_size_bytes: Number(row.file_size_bytes),
    session_date: iso(row.session_date),
    processed_at: iso(row.processed_at),
    created_at: iso(row.created_at)!,
  };
}

function toChannelDto(s: Selectable<EmgStatisticsTable>): ChannelStatisticsDto {
  return {
    channel_name: s.channel_name,
    total_contractions: s.total_contractions,
    good_contractions: s.good_contractions,
    mvc_compliant_contractions: s.mvc_compliant_contractions,
    duration_compliant_contractions: s.duration_compliant_contractions,
    compliance_rate: s.compliance_rate,
    mvc_value: s.mvc_value,
    mvc75_threshold: s.mvc75_threshold,
    mvc_threshold_percentage: s.mvc_threshold_percentage,
    mvc_source: s.mvc_source,
    duration_threshold_ms: s.duration_threshold_ms,
    sampling_rate_hz: s.sampling_rate_hz,
    duration_seconds: s.duration_seconds,
    rms: s.rms,
    mav: s.mav,
    mpf: s.mpf,
    mdf: s.mdf,
    fatigue_index: s.fatigue_index,
    temporal_stats: s.temporal_stats,
    analytics: s.analytics,
  };
}

function toContractionDto(c: Selectable<ContractionsTable>): ContractionDto {
  return {
    channel_name: c.channel_name,
    idx: c.idx,
    start_sample: c.start_sample,
    end_sample: c.end_sample,
    start_time_ms: c.start_time_ms,
    end_time_ms: c.end_time_ms,
    duration_ms: c.duration_ms,
    mean_amplitude: c.mean_amplitude,
    max_amplitude: c.max_amplitude,
    meets_mvc: c.meets_mvc,
    meets_duration: c.meets_duration,
    is_good: c.is_good,
  };
}

export function toSessionDetailDto(row: SessionRow, patientCode: string, r: Results): SessionDetailDto {
  const scores = r.scores
    ? { ...withoutIds(r.scores), created_at: iso(r.scores.created_at), updated_at: iso(r.scores.updated_at) }
    : null;
  const settings = r.settings
    ? {
        ...withoutIds(r.settings),
        created_at: iso(r.settings.created_at),
        updated_at: iso(r.settings.updated_at),
      }
    : null;
  const gate = qualityGateReport(
    Object.fromEntries(
      r.statistics.map((s) => [s.channel_name, s.analytics as Pick<ChannelAnalyticsReport, 'seniam'>]),
    ),
  );
  return {
    // first: a result scored on a channel that fails the quality gate says so before anything else
    quality_gate: gate,
    ...toSessionSummaryDto({ ...row, patient_code: patientCode }),
    ...sessionQuality(row.game_metadata, row.result_version > 0),
    stage: row.stage,
    progress: row.progress,
    error_code: row.error_code,
    error_message: row.error_message,
    file_hash: row.file_hash,
    result_version: row.result_version,
    processing_time_ms: row.processing_time_ms,
    game_metadata: row.game_metadata,
    processing_profile: r.statistics[0]?.processing_profile ?? null,
    processing_parameters: row.analysis_params as Record<string, unknown>,
    subjective: row.subjective as Record<string, unknown>,
    channels: r.statistics.map(toChannelDto),
    contractions: r.contractions.map(toContractionDto),
    performance_scores: scores,
    session_settings: settings,
    bfr_monitoring: r.bfr.map((b) => ({
      ...withoutIds(b),
      measurement_timestamp: iso(b.measurement_timestamp),
      created_at: iso(b.created_at),
      updated_at: iso(b.updated_at),
    })),
  };
}

export function toWebhookStatusDto(row: SessionRow): WebhookStatusDto {
  return {
    session_code: row.session_code,
    status: row.processing_status,
    file_path: row.file_path,
    created_at: iso(row.created_at)!,
    processed_at: iso(row.processed_at),
    error_code: row.error_code,
    error_message: row.error_message,
    has_analysis: row.result_version > 0,
    ...sessionQuality(row.game_metadata, row.result_version > 0),
  };
}
