import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Per-channel analytics of the original's EMGAnalysisResult (`analytics.CH1`, ...). Amplitudes are
// in the signal's unit (V for GHOSTLY files).

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
