/**
 * Stored rows -> export table records (export-columns.ts). Amplitudes stay in the unit the
 * analysis stores (V) and are not rounded; a pseudonymised record carries no patient code, no
 * file name and none of the game's personal fields.
 */
import { PERSONAL_GAME_FIELDS } from '@app/bids';
import type { ContractionRow, SessionExportRow, StatisticsRow } from '../export-data.repository.js';
import type { ChannelRecord, ContractionRecord, SessionRecord } from './export-columns.js';
import type { Pseudonymiser } from './pseudonymiser.js';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim().length > 0 ? v.trim() : typeof v === 'number' ? String(v) : null;

export function sessionLabel(row: SessionExportRow, p: Pseudonymiser): string {
  return p.session(row.patient_id, row.patient_code, row.session_code);
}

export function toSessionRecord(row: SessionExportRow, p: Pseudonymiser): SessionRecord {
  const meta = row.game_metadata as Record<string, unknown>;
  return {
    session_code: sessionLabel(row, p),
    patient_code: p.patient(row.patient_id, row.patient_code),
    session_date: iso(row.session_date ?? row.created_at),
    processed_at: iso(row.processed_at),
    file_name: p.enabled ? null : (row.file_path.split('/').pop() ?? null),
    file_hash: p.enabled ? null : row.file_hash,
    game_name: text(meta.game_name),
    game_level: text(meta.level),
    game_points_reported: num(meta.game_score),
    duration_seconds: num(meta.duration_seconds),
    overall_score: row.overall_score,
    compliance_score: row.compliance_score,
    symmetry_score: row.symmetry_score,
    effort_score: row.effort_score,
    game_score: row.game_score,
    left_muscle_compliance: row.left_muscle_compliance,
    right_muscle_compliance: row.right_muscle_compliance,
    completion_rate_left: row.completion_rate_left,
    completion_rate_right: row.completion_rate_right,
    intensity_rate_left: row.intensity_rate_left,
    intensity_rate_right: row.intensity_rate_right,
    duration_rate_left: row.duration_rate_left,
    duration_rate_right: row.duration_rate_right,
    bfr_compliant: row.bfr_compliant,
    bfr_pressure_aop: row.bfr_pressure_aop,
    rpe_post_session: row.rpe_post_session,
    game_points_achieved: row.game_points_achieved,
    game_points_max: row.game_points_max,
    scoring_config_id: row.scoring_config_id,
  };
}

export function toChannelRecord(s: StatisticsRow, sessionCode: string): ChannelRecord {
  return {
    session_code: sessionCode,
    channel: s.channel_name,
    sampling_rate_hz: s.sampling_rate_hz,
    duration_seconds: s.duration_seconds,
    processing_profile: s.processing_profile,
    mvc_value: s.mvc_value,
    mvc_threshold_percentage: s.mvc_threshold_percentage,
    mvc75_threshold: s.mvc75_threshold,
    mvc_source: s.mvc_source,
    duration_threshold_ms: s.duration_threshold_ms,
    total_contractions: s.total_contractions,
    good_contractions: s.good_contractions,
    mvc_compliant_contractions: s.mvc_compliant_contractions,
    duration_compliant_contractions: s.duration_compliant_contractions,
    compliance_rate: s.compliance_rate,
    peak_amplitude_max: s.peak_amplitude_max,
    peak_amplitude_mean: s.peak_amplitude_mean,
    mean_amplitude_mean: s.mean_amplitude_mean,
    mean_contraction_duration_ms: s.mean_contraction_duration_ms,
    max_contraction_duration_ms: s.max_contraction_duration_ms,
    total_time_under_tension_ms: s.total_time_under_tension_ms,
    rms: s.rms,
    mav: s.mav,
    mpf: s.mpf,
    mdf: s.mdf,
    fatigue_index: s.fatigue_index,
    signal_quality_score: s.signal_quality_score,
  };
}

export function toContractionRecord(c: ContractionRow, sessionCode: string): ContractionRecord {
  return {
    session_code: sessionCode,
    channel: c.channel_name,
    idx: c.idx,
    start_time_ms: c.start_time_ms,
    end_time_ms: c.end_time_ms,
    duration_ms: c.duration_ms,
    start_sample: c.start_sample,
    end_sample: c.end_sample,
    mean_amplitude: c.mean_amplitude,
    max_amplitude: c.max_amplitude,
    meets_mvc: c.meets_mvc,
    meets_duration: c.meets_duration,
    is_good: c.is_good,
  };
}

/** The game metadata of the JSON export: personal fields dropped when pseudonymised. */
export function exportGameMetadata(row: SessionExportRow, p: Pseudonymiser): Record<string, unknown> {
  const meta = { ...(row.game_metadata as Record<string, unknown>) };
  if (p.enabled) for (const k of PERSONAL_GAME_FIELDS) delete meta[k];
  return meta;
}
