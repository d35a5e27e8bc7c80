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
import type {
  DetectionOptionsUsedDto,
  ParameterNoteDto,
  ParametersReportDto,
} from './dto/session-result-parts.dto.js';
import type { SessionResultsRepository } from './session-results.repository.js';
import type { SessionListRow, SessionRow } from './session.repository.js';
import { pick } from '../shared/objects/pick.js';
import { latestRunParams } from './session-params.js';
import { sessionQuality } from './session-quality.js';

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
  row: Omit<SessionListRow, 'patient_id' | 'listed_at'>,
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

/** The first two channels are the scores' left and right muscles (sorted names: CH1, CH2). */
const MUSCLES = ['left', 'right'] as const;

function analyticsOf(s: Selectable<EmgStatisticsTable>): {
  threshold_factor_used?: unknown;
  timing_source?: unknown;
} {
  return (s.analytics ?? {}) as { threshold_factor_used?: unknown; timing_source?: unknown };
}

/** The per-channel results a channel's answer shows as stored. */
const CHANNEL_FIELDS = [
  'channel_name',
  'total_contractions',
  'good_contractions',
  'mvc_compliant_contractions',
  'duration_compliant_contractions',
  'compliance_rate',
  'mvc_value',
  'mvc75_threshold',
  'mvc_threshold_percentage',
  'mvc_source',
  'duration_threshold_ms',
  'sampling_rate_hz',
  'duration_seconds',
  'rms',
  'mav',
  'mpf',
  'mdf',
  'fatigue_index',
  'temporal_stats',
  'analytics',
] as const satisfies readonly (keyof EmgStatisticsTable & keyof ChannelStatisticsDto)[];

function toChannelDto(s: Selectable<EmgStatisticsTable>, index: number): ChannelStatisticsDto {
  const a = analyticsOf(s);
  return {
    ...pick(s, CHANNEL_FIELDS),
    muscle: MUSCLES[index] ?? null,
    threshold_factor_used: typeof a.threshold_factor_used === 'number' ? a.threshold_factor_used : null,
    timing_source: a.timing_source === 'activated' || a.timing_source === 'envelope' ? a.timing_source : null,
  };
}

/** A stored contraction is its answer, without the row's keys. */
function toContractionDto(c: Selectable<ContractionsTable>): ContractionDto {
  const { id: _id, session_id: _sessionId, created_at: _createdAt, ...contraction } = c;
  return contraction;
}

/** Requested vs used detection parameters, with a note wherever a channel used another value. */
export function parametersReport(
  requested: Record<string, unknown>,
  statistics: Selectable<EmgStatisticsTable>[],
): ParametersReportDto {
  const stored = statistics[0]?.processing_parameters as Record<string, unknown> | null | undefined;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const used: DetectionOptionsUsedDto | null = stored
    ? {
        threshold_factor: num(stored.threshold_factor),
        min_duration_ms: num(stored.min_duration_ms),
        smoothing_window: num(stored.smoothing_window),
      }
    : null;
  const options = (requested.processing_options ?? {}) as { threshold_factor?: unknown };
  const asked = typeof options.threshold_factor === 'number' ? options.threshold_factor : null;
  const notes: ParameterNoteDto[] = [];
  for (const s of statistics) {
    const a = analyticsOf(s);
    const factor = typeof a.threshold_factor_used === 'number' ? a.threshold_factor_used : null;
    if (a.timing_source === 'activated' && factor !== null && factor !== (asked ?? used?.threshold_factor)) {
      notes.push({
        parameter: 'threshold_factor',
        channel: s.channel_name,
        requested: asked,
        used: factor,
        reason:
          `${s.channel_name} has a GHOSTLY "activated" signal: contraction timing follows it, with the ` +
          "processing profile's own threshold factor; the requested one applies to channels timed on their envelope",
      });
    }
  }
  return { requested, used, notes };
}

/** Timings read to 0.1 ms: the digits past that are noise of the clock. */
const tenthOfMs = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 10) / 10);

export function toSessionDetailDto(row: SessionRow, patientCode: string, r: Results): SessionDetailDto {
  const params = latestRunParams(row) as Record<string, unknown>;
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
    processing_time_ms: tenthOfMs(row.processing_time_ms),
    game_metadata: row.game_metadata,
    processing_profile: r.statistics[0]?.processing_profile ?? null,
    processing_parameters: params,
    parameters: parametersReport(params, r.statistics),
    subjective: row.subjective as Record<string, unknown>,
    channel_muscle_mapping: row.channel_muscle_mapping,
    channels: r.statistics.map((s, i) => toChannelDto(s, i)),
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
