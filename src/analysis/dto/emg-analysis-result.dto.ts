import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ChannelGateDto, QualityGateDto } from './quality-gate.dto.js';

import { ChannelAnalyticsDto } from './channel-analytics.dto.js';
import { PerformanceAnalysisDto, SessionConfigurationDto } from './performance-analysis.dto.js';
import { WeightsDto } from '../../scoring-config/dto/weights.dto.js';

// The original's EMGAnalysisResult (POST /upload, /analysis/recalc), field for field, with this
// service's additions. Units are in the names (_ms, _hz, _seconds) or stated per field; amplitudes
// are in the signal's unit (V for GHOSTLY files).

export class EmgSignalDto {
  @ApiProperty({ description: 'Hz' }) sampling_rate!: number;
  @ApiProperty({ description: 'Samples of the full-resolution signal' }) samples!: number;
  @ApiProperty({ type: [Number], description: 'Seconds of each point; every array below pairs with it' })
  time_axis!: number[];
  @ApiProperty({ type: [Number], description: 'Signal values, V' }) data!: number[];
  @ApiProperty({
    type: [Number],
    nullable: true,
    description: 'Moving RMS of the signal over 50 ms (for "… Processed": the processed envelope), V',
  })
  rms_envelope!: number[] | null;
  @ApiProperty({
    type: [Number],
    nullable: true,
    description:
      'Processed envelope (high-pass 20 Hz, rectified, low-pass 10 Hz, 50 ms mean), on "<base> Raw"',
  })
  processed_data!: number[] | null;
  @ApiProperty({ nullable: true, type: [Number], description: 'Always null (kept for the original client)' })
  activated_data!: null;
}

export class C3dParametersDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Hz' }) sampling_rate!: number | null;
  @ApiProperty({ description: 'EMG duration, s' }) duration!: number;
  @ApiProperty({ nullable: true, type: Number }) frame_count!: number | null;
  @ApiProperty() channel_count!: number;
  @ApiProperty({ nullable: true, type: String }) game_name!: string | null;
  @ApiProperty({ nullable: true, type: String }) level!: string | null;
  @ApiProperty({ nullable: true, type: String }) therapist_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) group_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) player_name!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Always null (kept for the original client)' })
  player_id!: null;
  @ApiProperty({ nullable: true, type: String }) time!: string | null;
  @ApiProperty({ example: 'ghostly-v1@1.0.0' }) processing_version!: string;
  @ApiProperty({ format: 'date-time' }) processed_at!: string;
  @ApiProperty() stateless_mode!: boolean;
}

export class SessionSettingsDto {
  @ApiProperty({ nullable: true, type: Number, description: 'MVC used for CH1, V' }) mvc_ch1!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'MVC used for CH2, V' }) mvc_ch2!: number | null;
  @ApiProperty() mvc_threshold_percentage!: number;
  @ApiProperty({ nullable: true, type: Number }) target_duration_ch1_ms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) target_duration_ch2_ms!: number | null;
  @ApiProperty() target_contractions_ch1!: number;
  @ApiProperty() target_contractions_ch2!: number;
  @ApiProperty() bfr_enabled!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '% of arterial occlusion pressure' })
  bfr_pressure_aop!: number | null;
}

export class ProcessingParametersDto {
  @ApiProperty({ nullable: true, type: Number }) sampling_rate_hz!: number | null;
  @ApiProperty() processing_version!: string;
  @ApiProperty({ description: 'High-pass cut-off, Hz' }) filter_low_cutoff_hz!: number;
  @ApiProperty({ description: 'Envelope low-pass cut-off, Hz' }) filter_high_cutoff_hz!: number;
  @ApiProperty() filter_order!: number;
  @ApiProperty() rms_window_ms!: number;
  @ApiProperty() rms_overlap_percent!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Always null: no window, MVC is a percentile of the whole envelope',
  })
  mvc_window_seconds!: null;
  @ApiProperty() mvc_estimation_percentile!: number;
  @ApiProperty() mvc_threshold_percentage!: number;
  @ApiProperty() threshold_factor!: number;
  @ApiProperty() min_duration_ms!: number;
  @ApiProperty({ description: 'samples' }) smoothing_window!: number;
  @ApiProperty() activated_threshold_factor!: number;
  @ApiProperty() merge_threshold_ms!: number;
  @ApiProperty() refractory_period_ms!: number;
}

export class SessionParametersUsedDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'MVC used per channel, V',
  })
  session_mvc_values!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  session_mvc_threshold_percentages!: Record<string, number>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  channel_muscle_mapping?: Record<string, string>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  muscle_color_mapping?: Record<string, string>;
}

export class GameMetadataDto {
  @ApiPropertyOptional() game_name?: string;
  @ApiPropertyOptional() level?: string;
  @ApiPropertyOptional({ description: "The game's own duration (INFO:DURATION), s" }) duration?: number;
  @ApiPropertyOptional() therapist_id?: string;
  @ApiPropertyOptional() group_id?: string;
  @ApiPropertyOptional({ description: 'Session date-time, ISO 8601 without zone' }) time?: string;
  @ApiPropertyOptional() player_name?: string;
  @ApiPropertyOptional({ description: 'SUBJECTS:GAME_SCORE' }) score?: number;
  @ApiPropertyOptional({ description: 'Hz' }) sampling_rate?: number;
  @ApiProperty({ description: 'EMG duration, s' }) duration_seconds!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'What the reader had to work around',
  })
  file_warnings!: { code: string; message: string }[];
  @ApiProperty() session_parameters_used!: SessionParametersUsedDto;
}

/** POST /upload and POST /analysis/recalc: the original's EMGAnalysisResult plus additions. */
@ApiExtraModels(ChannelGateDto)
export class EmgAnalysisResultDto {
  @ApiPropertyOptional({
    type: QualityGateDto,
    description: 'seniam-v1 only, first key: says when a scored channel fails the signal-quality gate',
  })
  quality_gate?: QualityGateDto;
  @ApiProperty({ format: 'uuid' }) file_id!: string;
  @ApiProperty({ example: '20260101_120000', description: 'Local time YYYYMMDD_HHMMSS' }) timestamp!: string;
  @ApiProperty() source_filename!: string;
  @ApiProperty() metadata!: GameMetadataDto;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/ChannelAnalyticsDto' } })
  analytics!: Record<string, ChannelAnalyticsDto>;
  @ApiProperty({ type: [String], example: ['CH1 Raw', 'CH2 Raw', 'CH1 activated', 'CH1 Processed'] })
  available_channels!: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/EmgSignalDto' },
    description:
      'One entry per available channel, min/max-downsampled to max_points (absent with include_signals=false)',
  })
  emg_signals?: Record<string, EmgSignalDto>;
  @ApiProperty() c3d_parameters!: C3dParametersDto;
  @ApiProperty({ nullable: true, type: String }) user_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) patient_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) session_id!: string | null;
  @ApiProperty({ description: 'The clinical settings the analysis ran with' })
  session_parameters!: SessionSettingsDto;
  @ApiProperty() session_configuration!: SessionConfigurationDto;
  @ApiProperty() processing_parameters!: ProcessingParametersDto;
  @ApiProperty() performance_analysis!: PerformanceAnalysisDto;
  @ApiProperty() scoring_configuration!: WeightsDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object' },
    description: 'Channels without analytics, with the reason (the original dropped them silently)',
  })
  channel_errors!: Record<string, { stage: string; code: string; message: string }>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Name, version and every constant of the processing profile',
  })
  processing_profile!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  processing_options_used!: Record<string, number>;
}
