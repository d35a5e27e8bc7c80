import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ChannelGateDto, QualityGateDto } from './quality-gate.dto.js';

// The original's EMGAnalysisResult (POST /upload, /analysis/recalc), field for field, with this
// service's additions. Units are in the names (_ms, _hz, _seconds) or stated per field; amplitudes
// are in the signal's unit (V for GHOSTLY files).

export class WeightsDto {
  @ApiProperty() weight_compliance!: number;
  @ApiProperty() weight_symmetry!: number;
  @ApiProperty() weight_effort!: number;
  @ApiProperty() weight_game!: number;
  @ApiProperty() weight_completion!: number;
  @ApiProperty() weight_intensity!: number;
  @ApiProperty() weight_duration!: number;
}

export class TemporalStatsDto {
  @ApiProperty({ nullable: true, type: Number }) mean_value!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Sample standard deviation (ddof 1)' })
  std_value!: number | null;
  @ApiProperty({ nullable: true, type: Number }) min_value!: number | null;
  @ApiProperty({ nullable: true, type: Number }) max_value!: number | null;
  @ApiProperty({ description: '1 s windows, 50 % overlap, with a value' }) valid_windows!: number;
  @ApiProperty({ nullable: true, type: Number }) coefficient_of_variation!: number | null;
}

export class AnalysisContractionDto {
  @ApiProperty({ description: 'First sample' }) start_index!: number;
  @ApiProperty({ description: 'Last sample (inclusive)' }) end_index!: number;
  @ApiProperty() start_time_ms!: number;
  @ApiProperty() end_time_ms!: number;
  @ApiProperty() duration_ms!: number;
  @ApiProperty({ description: 'Mean of the processed envelope over the contraction, V' })
  mean_amplitude!: number;
  @ApiProperty({ description: 'Peak of the processed envelope, V' }) max_amplitude!: number;
  @ApiProperty({ description: 'max_amplitude >= mvc75_threshold' }) meets_mvc!: boolean;
  @ApiProperty({ description: 'duration_ms >= duration_threshold_actual_value' }) meets_duration!: boolean;
  @ApiProperty({ description: 'meets_mvc and meets_duration' }) is_good!: boolean;
}

export class ChannelAnalyticsDto {
  @ApiProperty() contraction_count!: number;
  @ApiProperty() good_contraction_count!: number;
  @ApiProperty() mvc_compliant_count!: number;
  @ApiProperty() duration_compliant_count!: number;
  @ApiProperty() avg_duration_ms!: number;
  @ApiProperty() min_duration_ms!: number;
  @ApiProperty() max_duration_ms!: number;
  @ApiProperty() total_time_under_tension_ms!: number;
  @ApiProperty({ description: 'Mean of the contractions’ mean amplitudes, V' }) avg_amplitude!: number;
  @ApiProperty({ description: 'Largest contraction peak, V' }) max_amplitude!: number;
  @ApiProperty({ description: 'RMS of the raw signal, V' }) rms!: number;
  @ApiProperty({ description: 'Mean absolute value of the raw signal, V' }) mav!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean power frequency, Hz' }) mpf!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Median frequency, Hz' }) mdf!: number | null;
  @ApiProperty({ nullable: true, type: Number }) fatigue_index_fi_nsm5!: number | null;
  @ApiProperty({ description: 'MVC threshold used, V (mvc_value x mvc_threshold_percentage / 100)' })
  mvc75_threshold!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Duration threshold used, ms (null: none)' })
  duration_threshold_actual_value!: number | null;
  @ApiProperty({ description: 'good / count, fraction 0-1' }) compliance_rate!: number;
  @ApiProperty({ description: 'MVC value used, V' }) mvc_value!: number;
  @ApiProperty() mvc_threshold_percentage!: number;
  @ApiProperty({ enum: ['user_provided', 'global_provided', 'backend_estimation'] })
  mvc_estimation_method!: string;
  @ApiProperty({ nullable: true, type: Number }) expected_contractions!: number | null;
  @ApiProperty({ enum: ['activated', 'envelope'], description: 'Signal the contraction timing came from' })
  timing_source!: string;
  @ApiProperty() threshold_factor_used!: number;
  @ApiProperty({ nullable: true, type: Number }) detection_threshold!: number | null;
  @ApiProperty({ description: 'Hz' }) sampling_rate!: number;
  @ApiProperty() samples!: number;
  @ApiProperty({ type: [AnalysisContractionDto] }) contractions!: AnalysisContractionDto[];
  @ApiProperty() rms_temporal_stats!: TemporalStatsDto;
  @ApiProperty() mav_temporal_stats!: TemporalStatsDto;
  @ApiProperty() mpf_temporal_stats!: TemporalStatsDto;
  @ApiProperty() mdf_temporal_stats!: TemporalStatsDto;
  @ApiProperty() fatigue_index_temporal_stats!: TemporalStatsDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'stage -> message' })
  errors!: Record<string, string>;
  @ApiPropertyOptional({
    enum: ['upload', 'calibration', 'session_estimate'],
    description:
      "Where the MVC came from: with seniam-v1 always; with ghostly-v1 only 'calibration' (the patient's latest MVC baseline, used when the request gave none)",
  })
  mvc_source?: 'upload' | 'calibration' | 'session_estimate';
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'seniam-v1 only: band edges, onset method and threshold, every onset method with its agreement with the activated channel, ' +
      'per-contraction RMS/MAV/MNF/MDF/FInsm5/envelope/%MVC, contraction-only summary, fatigue trends (slope, 95 % CI, n), ' +
      'mains lines, the quality gate with reasons, the MVC used (docs/methods.md)',
  })
  seniam?: Record<string, unknown>;
}

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

export class SessionConfigurationDto {
  @ApiProperty() session_mvc_threshold_percentage!: number;
  @ApiProperty() session_mvc_threshold_decimal!: number;
  @ApiProperty({ description: 'ms' }) contraction_duration_threshold!: number;
  @ApiProperty() contraction_duration_threshold_seconds!: number;
  @ApiPropertyOptional() session_mvc_value?: number;
  @ApiPropertyOptional() session_expected_contractions?: number;
  @ApiPropertyOptional() session_expected_contractions_ch1?: number;
  @ApiPropertyOptional() session_expected_contractions_ch2?: number;
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

export class DataCompletenessDto {
  @ApiProperty() has_emg_data!: boolean;
  @ApiProperty() has_rpe!: boolean;
  @ApiProperty() has_game_data!: boolean;
  @ApiProperty() has_bfr_data!: boolean;
  @ApiProperty({ enum: ['provided', 'default'] }) rpe_source!: string;
}

export class PerformanceAnalysisDto {
  @ApiProperty() scoring_config_id!: string;
  @ApiProperty() scoring_config_name!: string;
  @ApiProperty({ description: 'Percent 0-100' }) overall_score!: number;
  @ApiProperty({ description: 'Percent 0-100' }) compliance_score!: number;
  @ApiProperty({ description: 'Percent 0-100' }) symmetry_score!: number;
  @ApiProperty({ description: 'Percent 0-100' }) effort_score!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Percent 0-100' }) game_score!: number | null;
  @ApiProperty({ description: 'Percent 0-100 (CH1)' }) left_muscle_compliance!: number;
  @ApiProperty({ description: 'Percent 0-100 (CH2)' }) right_muscle_compliance!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) completion_rate_left!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) completion_rate_right!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) intensity_rate_left!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) intensity_rate_right!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) duration_rate_left!: number;
  @ApiProperty({ description: 'Fraction 0-1' }) duration_rate_right!: number;
  @ApiProperty() expected_contractions_left!: number;
  @ApiProperty() expected_contractions_right!: number;
  @ApiProperty() bfr_compliant!: boolean;
  @ApiProperty({ nullable: true, type: Number }) bfr_pressure_aop!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rpe_post_session!: number | null;
  @ApiProperty() rpe_value!: number;
  @ApiProperty({ enum: ['provided', 'default'] }) rpe_source!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  compliance_components!: Record<string, number>;
  @ApiProperty() weights!: WeightsDto;
  @ApiProperty() data_completeness!: DataCompletenessDto;
  @ApiProperty() scoring_configuration!: WeightsDto;
  @ApiProperty() session_configuration!: SessionConfigurationDto;
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
