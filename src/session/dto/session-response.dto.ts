import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../shared/pagination/page.dto.js';
import {
  ApiSessionQuality,
  ApiSessionWarnings,
  type SessionQuality,
  type SessionWarningDto,
} from '../session-quality.js';
import { QualityGateDto } from '../../analysis/dto/quality-gate.dto.js';
import { MUSCLE_MAP_SCHEMA } from '../../shared/validation/maps.js';
import {
  BfrMeasurementDto,
  ParametersReportDto,
  PerformanceScoresDto,
  SessionTargetsDto,
} from './session-result-parts.dto.js';

export class SessionAcceptedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'P001S001' }) session_code!: string;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ description: 'True when the same file was already uploaded for this patient' })
  duplicate!: boolean;
}

export class SessionStatusDto {
  @ApiProperty() session_code!: string;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, example: 'analyzing' }) stage!: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Stable code when failed, e.g. truncated, no_emg_channels',
  })
  error_code!: string | null;
  @ApiProperty({ nullable: true, type: String }) error_message!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty() result_version!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) processed_at!: string | null;
  @ApiProperty() has_analysis!: boolean;
  @ApiSessionQuality() quality!: SessionQuality | null;
  @ApiSessionWarnings() warnings!: SessionWarningDto[];
}

export class SessionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() session_code!: string;
  @ApiProperty() patient_code!: string;
  @ApiProperty({ nullable: true, type: String }) therapist_id!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty() file_path!: string;
  @ApiProperty({ description: 'File size, bytes' }) file_size_bytes!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) session_date!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) processed_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class SessionPageDto extends PageOf(SessionSummaryDto) {}

export class ContractionDto {
  @ApiProperty({ example: 'CH1', description: 'EMG channel (CH1 = left, CH2 = right muscle)' })
  channel_name!: string;
  @ApiProperty({ description: 'Position of the contraction in its channel, from 0' }) idx!: number;
  @ApiProperty({ description: 'First sample, index at the sampling rate of the channel' })
  start_sample!: number;
  @ApiProperty({ description: 'Last sample, index' }) end_sample!: number;
  @ApiProperty({ description: 'Start, milliseconds from the start of the recording' }) start_time_ms!: number;
  @ApiProperty({ description: 'End, milliseconds from the start of the recording' }) end_time_ms!: number;
  @ApiProperty({ description: 'Duration, milliseconds' }) duration_ms!: number;
  @ApiProperty({ description: 'Mean envelope amplitude over the contraction, V' }) mean_amplitude!: number;
  @ApiProperty({ description: 'Peak envelope amplitude, V (compared with the MVC threshold)' })
  max_amplitude!: number;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Peak reached the MVC threshold' })
  meets_mvc!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Lasted the duration threshold' })
  meets_duration!: boolean | null;
  @ApiProperty({ description: 'Both: a good contraction' }) is_good!: boolean;
}

export class ChannelStatisticsDto {
  @ApiProperty({ example: 'CH1', description: 'EMG channel, as in contractions[] and the signals routes' })
  channel_name!: string;
  @ApiProperty({
    enum: ['left', 'right'],
    nullable: true,
    description: 'The muscle the scores read this channel as: the first channel (CH1) left, the second right',
  })
  muscle!: 'left' | 'right' | null;
  @ApiProperty({ description: 'Contractions detected, count' }) total_contractions!: number;
  @ApiProperty({ description: 'Contractions meeting both thresholds, count' }) good_contractions!: number;
  @ApiProperty({ description: 'Contractions reaching the MVC threshold, count' })
  mvc_compliant_contractions!: number;
  @ApiProperty({ description: 'Contractions lasting the duration threshold, count' })
  duration_compliant_contractions!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Good contractions / contractions, fraction 0-1. Not performance_scores.left/right_muscle_compliance ' +
      '(a 0-100 score from completion, intensity and duration rates)',
  })
  compliance_rate!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'MVC (maximum voluntary contraction) amplitude, V',
  })
  mvc_value!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'MVC threshold amplitude, V (mvc_value x percentage / 100)',
  })
  mvc75_threshold!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'MVC threshold, percent of MVC (0-100)' })
  mvc_threshold_percentage!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where the MVC came from: given per channel, given globally, or estimated from the signal',
  })
  mvc_source!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Duration threshold, milliseconds' })
  duration_threshold_ms!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Detection threshold factor used, fraction 0-1 of the envelope maximum (or of the activated signal)',
  })
  threshold_factor_used!: number | null;
  @ApiProperty({
    enum: ['activated', 'envelope'],
    nullable: true,
    description: "What timed the contractions: the file's activated signal for this channel, or the envelope",
  })
  timing_source!: 'activated' | 'envelope' | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Sampling rate, Hz' }) sampling_rate_hz!:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Recording length, seconds' })
  duration_seconds!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Root mean square of the raw signal, V' })
  rms!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean absolute value of the raw signal, V' })
  mav!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean power frequency, Hz' }) mpf!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Median frequency, Hz' }) mdf!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Dimitrov fatigue index FInsm5 (spectral moments ratio), dimensionless',
  })
  fatigue_index!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Per metric (rms, mav V; mpf, mdf Hz; fatigue_index): mean, std, min, max over windows',
  })
  temporal_stats!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The full per-channel analytics of the analysis report (original field names)',
  })
  analytics!: Record<string, unknown>;
}

export class SessionDetailDto extends SessionSummaryDto {
  @ApiProperty({
    type: QualityGateDto,
    nullable: true,
    description:
      'seniam-v1 results: says when a scored channel fails the signal-quality gate; null otherwise',
  })
  quality_gate!: QualityGateDto | null;
  @ApiSessionQuality() quality!: SessionQuality | null;
  @ApiSessionWarnings() warnings!: SessionWarningDto[];
  @ApiProperty({ nullable: true, type: String, example: 'completed' }) stage!: string | null;
  @ApiProperty({ description: 'Processing progress, percent (0-100)' }) progress!: number;
  @ApiProperty({ nullable: true, type: String }) error_code!: string | null;
  @ApiProperty({ nullable: true, type: String }) error_message!: string | null;
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) file_hash!: string;
  @ApiProperty({ description: 'Increases with every new result (reprocessing, rescoring)' })
  result_version!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Time the analysis took, milliseconds, rounded to 0.1 ms',
  })
  processing_time_ms!: number | null;
  @ApiProperty({ description: 'Game metadata from the C3D parameters' }) game_metadata!: Record<
    string,
    unknown
  >;
  @ApiProperty({ nullable: true, type: String, example: 'ghostly-v1@1.0.0' }) processing_profile!:
    string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The analysis parameters as requested: the same object as parameters.requested',
  })
  processing_parameters!: Record<string, unknown>;
  @ApiProperty({
    type: ParametersReportDto,
    description:
      'Requested and used parameters, with the reason wherever a value used differs from the one requested',
  })
  parameters!: ParametersReportDto;
  @ApiProperty({ description: 'Subjective inputs: RPE, BFR, game points' }) subjective!: Record<
    string,
    unknown
  >;
  @ApiProperty({
    ...MUSCLE_MAP_SCHEMA,
    nullable: true,
    description:
      "Channel -> muscle: the upload's channel_muscle_mapping, else the patient's at upload time; null when neither named one",
  })
  channel_muscle_mapping!: Record<string, string> | null;
  @ApiProperty({ type: [ChannelStatisticsDto] }) channels!: ChannelStatisticsDto[];
  @ApiProperty({ type: [ContractionDto] }) contractions!: ContractionDto[];
  @ApiProperty({ type: PerformanceScoresDto, nullable: true, description: 'The scores; null until scored' })
  performance_scores!: PerformanceScoresDto | null;
  @ApiProperty({
    type: SessionTargetsDto,
    nullable: true,
    description: 'The targets the session was scored against; null until analysed',
  })
  session_settings!: SessionTargetsDto | null;
  @ApiProperty({
    type: [BfrMeasurementDto],
    description: 'BFR measurements (one per cuff) when a pressure was entered',
  })
  bfr_monitoring!: BfrMeasurementDto[];
}
